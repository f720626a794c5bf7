using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Storage;

namespace Tradewind.Server.Tests;

/// <summary>Many clients at once, and jobs of dead workers found while the server runs: every job is accounted for, none runs twice.</summary>
public sealed class BacktestConcurrencyTests
{
    [Fact]
    public async Task FiftyClientsAtOnce_EveryJobCompletesExactlyOnce() => await FiftyClientsAsync(postgres: false);

    [PostgresFact]
    public async Task FiftyClientsAtOnce_OnPostgres_EveryJobCompletesExactlyOnce() => await FiftyClientsAsync(postgres: true);

    [Fact]
    public async Task StaleJobOfDeadWorker_FoundWhileRunning_RequeuedAndCompleted() => await StaleJobAsync(postgres: false);

    [PostgresFact]
    public async Task StaleJobOfDeadWorker_OnPostgres_RequeuedAndCompleted() => await StaleJobAsync(postgres: true);

    private static async Task FiftyClientsAsync(bool postgres)
    {
        const int Clients = 50;
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 2), postgres: postgres);
        var keys = new string[Clients];
        for (var i = 0; i < Clients; i++)
        {
            keys[i] = (await server.RegisterAsync()).Key;
        }

        var body = BacktestFlow.Body(universe: """["SIM:BTC/USDT"]""").Replace("2024-04-01", "2024-03-08", StringComparison.Ordinal);
        var ids = await Task.WhenAll(keys.Select(k => BacktestFlow.ExecuteAsync(server.SendAsync, k, body)));
        var results = new ConcurrentBag<string>();
        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            var status = await BacktestFlow.WaitAsync(server.SendAsync, keys[i], id, timeoutSeconds: 180);
            Assert.True((string?)status["status"] == "completed", status.ToJsonString());
            Assert.Equal(1, (int)status["attempts"]!);
            results.Add((string)status["result_id"]!);
        }));

        Assert.Equal(Clients, ids.Distinct().Count());
        Assert.Equal(Clients, results.Distinct().Count());
        foreach (var id in ids)
        {
            Assert.Single(server.Logs.Lines, l => l.Contains($"Backtest {id} started", StringComparison.Ordinal));
            Assert.Single(server.Logs.Lines, l => l.Contains($"Backtest {id} completed", StringComparison.Ordinal));
        }
    }

    private static async Task StaleJobAsync(bool postgres)
    {
        var settings = BacktestFlow.Settings(workers: 0);
        await using var server = await TestServer.StartAsync(settings, postgres: postgres);
        var (key, _) = await server.RegisterAsync();
        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, key);
        var jobs = server.App.Services.GetRequiredService<IJobStore>();
        var longAgo = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
        Assert.NotNull(await jobs.TryClaimNextAsync("backtest", "dead-host-7-xyz", longAgo, CancellationToken.None));

        // A second process on the same database, with a worker: it finds the job without a heartbeat and runs it again.
        var workerSettings = BacktestFlow.Settings(workers: 1);
        workerSettings["Tradewind:Backtests:StaleAfterSeconds"] = "2";
        workerSettings["Tradewind:DataDirectory"] = server.App.Services.GetRequiredService<Tradewind.MarketData.DataDirectory>().Path;
        if (postgres)
        {
            workerSettings["Tradewind:PostgresConnectionString"] = server.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.ServerOptions>>().Value.PostgresConnectionString;
        }

        await using var worker = await TestServer.StartAsync(workerSettings);
        var status = await BacktestFlow.WaitAsync(server.SendAsync, key, id);

        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(2, (int)status["attempts"]!);
        Assert.Contains("1 queued again", worker.Logs.All, StringComparison.Ordinal);
    }
}
