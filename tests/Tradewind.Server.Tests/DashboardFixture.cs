using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Backtesting;
using Tradewind.Core;
using Tradewind.Research;
using Tradewind.Research.Reports;
using Tradewind.Storage;

namespace Tradewind.Server.Tests;

/// <summary>
/// One real server with two finished backtests stored the way the worker stores them (a job enqueued, claimed, and
/// completed together with its result): a month of 1h SMA crosses on two sim tickers, and a year of 1h bars on one
/// ticker, long enough that the page's data is thinned.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string SmaCross = """
        fast = sma(close, 10)
        slow = sma(close, 30)
        emit_signal(crossover(fast, slow), entry("LONG", Weight(1)))
        emit_signal(crossunder(fast, slow), exit())
        """;

    // Not "backtest": a backtest worker in the same server must not pick these jobs up.
    private const string JobKind = "dashboard-test";

    public TestServer Server { get; private set; } = null!;

    /// <summary>The server's root, e.g. http://127.0.0.1:5123/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public StoredResult Month { get; private set; } = null!;

    public StoredResult Year { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        BaseAddress = new Uri(Server.App.Urls.First().TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseAddress };
        Month = await StoreAsync(SmaCross, "2024-03-01", "2024-04-01", "SIM:BTC/USDT", "SIM:ETH/USDT");
        Year = await StoreAsync(SmaCross, "2023-07-01", "2024-07-01", "SIM:SOL/USDT");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public T Service<T>()
        where T : notnull => Server.App.Services.GetRequiredService<T>();

    private async Task<StoredResult> StoreAsync(string script, string from, string to, params string[] universe)
    {
        var spec = new BacktestSpec(
            script,
            Universe.Parse(universe, null, "universe", BacktestSpec.MaxTickers),
            Timeframe.H1,
            TimeFormat.ParseUtc(from, "from"),
            TimeFormat.ParseUtc(to, "to"),
            BacktestOptions.Default);
        var run = await Service<StrategyBacktester>().RunAsync(spec, null, CancellationToken.None);
        var report = BacktestReports.Build(run);
        var json = JsonSerializer.Serialize(report, BacktestReports.Json);

        var jobs = Service<IJobStore>();
        var now = Service<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
        var jobId = "job_" + Guid.NewGuid().ToString("N");
        var resultId = "res_" + Guid.NewGuid().ToString("N");
        await jobs.EnqueueAsync(new JobRecord { Id = jobId, Kind = JobKind, Payload = "{}", CreatedAt = now, UpdatedAt = now }, CancellationToken.None);
        var claimed = await jobs.TryClaimNextAsync(JobKind, "dashboard-tests", now, CancellationToken.None);
        Assert.Equal(jobId, claimed?.Id);
        var saved = await Service<IBacktestResultStore>().SaveAndCompleteJobAsync(
            new BacktestResultRecord { Id = resultId, JobId = jobId, CreatedAt = now, Report = json }, "dashboard-tests", now, CancellationToken.None);
        Assert.True(saved);
        return new StoredResult(resultId, report, json, spec);
    }

    public sealed record StoredResult(string Id, BacktestReport Report, string Json, BacktestSpec Spec)
    {
        public string PagePath => "dashboard/backtest/" + Id;

        public string DataPath => PagePath + "/data";
    }
}
