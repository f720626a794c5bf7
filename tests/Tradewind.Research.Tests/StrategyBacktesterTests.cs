using System.Text.Json;
using Tradewind.Backtesting;
using Tradewind.Core;
using Tradewind.Research.Reports;

namespace Tradewind.Research.Tests;

public sealed class StrategyBacktesterTests : IClassFixture<SimResearchFixture>
{
    private const string SmaCross = """
        fast = sma(close, 10)
        slow = sma(close, 30)
        emit_signal(crossover(fast, slow), entry("LONG", Weight(1)))
        emit_signal(crossunder(fast, slow), exit())
        """;

    private static readonly long From = TimeFormat.ParseUtc("2024-03-01", "from");
    private static readonly long To = TimeFormat.ParseUtc("2024-04-01", "to");

    private readonly SimResearchFixture _sim;

    public StrategyBacktesterTests(SimResearchFixture sim) => _sim = sim;

    [Fact]
    public async Task RunAsync_SmaCrossOnTwoSimTickers_TradesFromTheFirstBarWithWarmUpLoadedBefore()
    {
        var spec = Spec(SmaCross, "SIM:BTC/USDT", "SIM:ETH/USDT");

        var run = await new StrategyBacktester(_sim.Data).RunAsync(spec, null, CancellationToken.None);

        Assert.Equal(31, run.WarmUpBars); // sma(close, 30) and its previous bar for crossover
        Assert.Equal(From, run.Result.Equity.Time[0]);
        Assert.Equal(744, run.Result.Equity.Count); // 31 days x 24 bars: the warm-up bars are not on the curve
        Assert.True(run.Result.Trades.Count > 0);
        Assert.All(run.Result.Trades, t => Assert.InRange(t.EntryTime, From, To - 1));
        Assert.Equal(2, run.Result.Tickers.Count);
    }

    [Fact]
    public async Task RunAsync_SameSpecTwice_ByteIdenticalReports()
    {
        var backtester = new StrategyBacktester(_sim.Data);
        var spec = Spec(SmaCross, "SIM:SOL/USDT");

        var first = JsonSerializer.Serialize(BacktestReports.Build(await backtester.RunAsync(spec, null, CancellationToken.None)), BacktestReports.Json);
        var second = JsonSerializer.Serialize(BacktestReports.Build(await backtester.RunAsync(spec, null, CancellationToken.None)), BacktestReports.Json);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Report_RoundTripsThroughJson_WithNaNAsNull()
    {
        var run = await new StrategyBacktester(_sim.Data).RunAsync(Spec(SmaCross, "SIM:BTC/USDT"), null, CancellationToken.None);
        var report = BacktestReports.Build(run);

        var json = JsonSerializer.Serialize(report, BacktestReports.Json);
        var back = JsonSerializer.Deserialize<BacktestReport>(json, BacktestReports.Json)!;

        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.Contains("\"total_return_pct\":", json, StringComparison.Ordinal);
        Assert.Contains("\"sharpe_ratio\":", json, StringComparison.Ordinal);
        Assert.Equal(report.Trades.Count, back.Trades.Count);
        Assert.Equal(report.Summary.FinalEquity, back.Summary.FinalEquity);
        Assert.Equal(report.Metrics["sharpe"], back.Metrics["sharpe"]);
        Assert.Equal(json, JsonSerializer.Serialize(back, BacktestReports.Json));
    }

    [Fact]
    public async Task RunAsync_ReportsProgressUpToOne()
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);

        await new StrategyBacktester(_sim.Data).RunAsync(Spec(SmaCross, "SIM:BTC/USDT", "SIM:ETH/USDT"), progress, CancellationToken.None);

        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1], 9);
        Assert.All(reports, p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public async Task RunAsync_UnlistedTicker_UnknownSymbolWithSuggestion()
    {
        var spec = Spec(SmaCross, "SIM:BTCC/USDT");

        var error = await Assert.ThrowsAsync<TradewindException>(() => new StrategyBacktester(_sim.Data).RunAsync(spec, null, CancellationToken.None));

        Assert.Equal(ErrorCode.UnknownSymbol, error.Code);
        Assert.Contains("SIM:BTC/USDT", error.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ScriptWithErrors_ValidationErrorBeforeAnyDataIsLoaded()
    {
        var spec = Spec("x = rsi(close, 14) <\nemit_signal(x, entry(\"LONG\", Weight(1)))", "SIM:NOPE/USDT");

        var error = await Assert.ThrowsAsync<TradewindException>(() => new StrategyBacktester(_sim.Data).RunAsync(spec, null, CancellationToken.None));

        Assert.Equal(ErrorCode.ValidationError, error.Code);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PeriodInTheFuture_DataUnavailableNamingTheTicker()
    {
        var spec = Spec(SmaCross, "SIM:BTC/USDT") with { From = TimeFormat.ParseUtc("2030-01-01", "from"), To = TimeFormat.ParseUtc("2030-02-01", "to") };

        var error = await Assert.ThrowsAsync<TradewindException>(() => new StrategyBacktester(_sim.Data).RunAsync(spec, null, CancellationToken.None));

        Assert.Equal(ErrorCode.DataUnavailable, error.Code);
        Assert.Contains("SIM:BTC/USDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PerpetualWithLeverage_PaysOrReceivesFundingFromTheSimSeries()
    {
        var script = "emit_signal(bar_index >= 0, entry(\"LONG\", Weight(1)))";
        var spec = Spec(script, "SIM:BTC/USDT:USDT") with { Options = BacktestOptions.Default with { Leverage = 3 } };

        var run = await new StrategyBacktester(_sim.Data).RunAsync(spec, null, CancellationToken.None);

        Assert.NotEqual(0, run.Result.Metrics.FundingPaid);
    }

    private static BacktestSpec Spec(string script, params string[] universe) =>
        new(script, Universe.Parse(universe, null, "universe", BacktestSpec.MaxTickers), Timeframe.Parse("1h"), From, To, BacktestOptions.Default);

    private sealed class SynchronousProgress(List<double> sink) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
