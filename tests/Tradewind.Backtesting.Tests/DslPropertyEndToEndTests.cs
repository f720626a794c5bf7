using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;

namespace Tradewind.Backtesting.Tests;

/// <summary>
/// No lookahead and determinism with compiled scripts in the loop: the DSL's vector plan, <c>tf()</c>, funding and
/// position state together with the engine's fills, on seeded random walks.
/// </summary>
public sealed class DslPropertyEndToEndTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Every kind of input a script can read: indicators, a higher timeframe, funding and position state.</summary>
    private static string Strategy(int fast, int slow) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        fast = sma(close, {fast})
        slow = sma(close, {slow})
        r = rsi(close, 14)
        trend = tf("4h", ema(close, 3))
        emit_signal(crossover(fast, slow) and r < 75 and close > trend, entry("LONG", Weight(0.5), stop_loss=2, take_profit=4, trailing_stop=3))
        emit_signal(crossunder(fast, slow) and funding_rate < 0.0002, entry("SHORT", Weight(0.3), stop_loss=3))
        emit_signal(bars_since_entry >= 24 or unrealized_pnl_pct < -5, exit())
        """);

    private static byte[] Serialize(BacktestResult result) => JsonSerializer.SerializeToUtf8Bytes(result, Json);

    private static List<FundingRate> Funding(int bars) =>
        [.. Enumerable.Range(0, (bars / 8) + 1).Select(i => new FundingRate(Bars.T0 + (i * 8 * Bars.Hour), ((i % 5) - 2) * 0.0001))];

    [Fact]
    public async Task Run_AppendingFutureBars_NeverChangesPastSignalsTradesOrEquity()
    {
        // Fixed seed: the same cases every run; change it to explore others.
        var random = new Random(20240612);
        int trades = 0, stops = 0, shorts = 0, positionExits = 0;
        for (var c = 0; c < 60; c++)
        {
            var bars = random.Next(120, 360);
            var extra = random.Next(1, 60);
            var fast = random.Next(2, 7);
            var slow = random.Next(8, 26);
            var options = new BacktestOptions
            {
                Fill = random.Next(2) == 0 ? FillTiming.NextOpen : FillTiming.Close,
                EndOfData = random.Next(2) == 0 ? EndOfDataPolicy.CloseAtLastClose : EndOfDataPolicy.KeepOpen,
                Leverage = random.Next(1, 11),
                MaintenanceMarginRate = 0.004,
            };
            var all = Bars.RandomWalk(bars + extra, (ulong)random.NextInt64(1, long.MaxValue));
            var past = all.Slice(0, bars);
            var funding = Funding(bars + extra);
            var script = DslBacktest.Compile(Strategy(fast, slow));
            var spec = Specs.Perp(Specs.BtcPerp);

            async Task<(SignalProgram Program, BacktestResult Result)> RunAsync(CandleSeries data)
            {
                var program = await DslBacktest.PrepareAsync(script, data, spec.Ticker, funding: funding);
                var signals = await DslBacktest.PrepareAsync(script, data, spec.Ticker, funding: funding);
                var result = BacktestEngine.Run(new BacktestRequest([new BacktestLeg(spec, data, program, funding)], Timeframe.H1, options));
                return (signals, result);
            }

            var (shortProgram, shortRun) = await RunAsync(past);
            var (longProgram, longRun) = await RunAsync(all);
            var last = bars - 1;
            var because = $"case {c}: {bars}+{extra} bars, sma {fast}/{slow}, {options.Fill}, {options.EndOfData}, {options.Leverage}x";

            // The script alone: the same signals on the shared bars.
            Assert.Equal(shortProgram.FirstTradableBar, longProgram.FirstTradableBar);
            Assert.Equal(shortProgram.EvaluateAll(), longProgram.EvaluateAll().Where(s => s.Bar <= last));

            // With the engine: everything up to the last shared bar is identical; only the end-of-data close differs.
            var pastTrades = shortRun.Trades.Where(t => t.ExitReason != ExitReason.EndOfData).ToList();
            Assert.True(pastTrades.SequenceEqual(longRun.Trades.Where(t => t.ExitBar <= last)), because);
            Assert.Equal(shortRun.RejectedOrders, longRun.RejectedOrders.Where(r => r.Time <= past.Time[last]));
            Assert.Equal(shortRun.Liquidations, longRun.Liquidations.Where(l => l.Time <= past.Time[last]));
            var compared = options.EndOfData == EndOfDataPolicy.KeepOpen ? bars : bars - 1;
            Assert.True(shortRun.Equity.Equity.AsSpan(0, compared).SequenceEqual(longRun.Equity.Equity.AsSpan(0, compared)), because);

            trades += longRun.Trades.Count;
            stops += longRun.Trades.Count(t => t.ExitReason is ExitReason.StopLoss or ExitReason.TakeProfit or ExitReason.TrailingStop);
            shorts += longRun.Trades.Count(t => t.Side == PositionSide.Short);
            positionExits += longRun.Trades.Count(t => t.ExitReason == ExitReason.Signal);
        }

        // The cases reach the paths that could leak the future: entries, stops, shorts and position-state exits.
        Assert.True(trades > 100 && stops > 10 && shorts > 10 && positionExits > 10, $"{trades} {stops} {shorts} {positionExits}");
    }

    private const string PairScript = """
        ratio = close / ref("BINANCE:BTC/USDT", close)
        emit_signal(ratio > sma(ratio, 48) * 1.01, entry("SHORT", Weight(0.3), stop_loss=4))
        emit_signal(ratio < sma(ratio, 48) * 0.99, entry("BINANCE:BTC/USDT", "SHORT", Weight(0.2)))
        emit_signal(bars_since_entry >= 12, exit())
        """;

    private static (string Btc, string Eth) Scripts(BacktestMode mode) => (Strategy(5, 20), mode == BacktestMode.Cross ? PairScript : Strategy(8, 30));

    /// <summary>
    /// BTC trades its own SMA cross; in cross mode ETH's script trades ETH and BTC against each other through ref().
    /// Programs are prepared here, one per run (a prepared program keeps one run's registers).
    /// </summary>
    private static async Task<BacktestRequest> UniverseAsync(BacktestMode mode, CompiledScript btcScript, CompiledScript ethScript)
    {
        var btc = Bars.RandomWalk(1500, 41);
        var eth = Bars.RandomWalk(1500, 43);
        var source = new InMemorySeriesSource().Add(Specs.Btc, Timeframe.H1, btc).Add(Specs.Eth, Timeframe.H1, eth);
        var legs = new[]
        {
            new BacktestLeg(Specs.Spot(Specs.Btc), btc, await DslBacktest.PrepareAsync(btcScript, btc, Specs.Btc, source: source)),
            new BacktestLeg(Specs.Spot(Specs.Eth), eth, await DslBacktest.PrepareAsync(ethScript, eth, Specs.Eth, source: source)),
        };
        return new BacktestRequest(legs, Timeframe.H1, new BacktestOptions { Mode = mode, TradingFee = 0.001, Slippage = 0.0005 });
    }

    private static async Task<BacktestResult> CompileAndRunAsync(BacktestMode mode)
    {
        var (btc, eth) = Scripts(mode);
        return BacktestEngine.Run(await UniverseAsync(mode, DslBacktest.Compile(btc), DslBacktest.Compile(eth)));
    }

    [Theory]
    [InlineData(BacktestMode.Isolated)]
    [InlineData(BacktestMode.Cross)]
    public async Task Run_SameScriptAndDataTwice_SerialiseToIdenticalBytes(BacktestMode mode)
    {
        var first = await CompileAndRunAsync(mode);
        var second = await CompileAndRunAsync(mode);

        Assert.True(first.Trades.Count > 20, $"only {first.Trades.Count} trades");
        Assert.Equal(Serialize(first), Serialize(second));
    }

    [Fact]
    public async Task Run_OneCompiledScriptPreparedAndRunInParallel_GivesTheSameBytesAsSequentially()
    {
        var expected = Serialize(await CompileAndRunAsync(BacktestMode.Cross));
        var (btcText, ethText) = Scripts(BacktestMode.Cross);
        var (btc, eth) = (DslBacktest.Compile(btcText), DslBacktest.Compile(ethText));

        // One compiled plan per script, prepared concurrently by every run.
        var results = new byte[8][];
        await Parallel.ForEachAsync(Enumerable.Range(0, results.Length), async (i, ct) =>
            results[i] = Serialize(BacktestEngine.Run(await UniverseAsync(BacktestMode.Cross, btc, eth), cancellationToken: ct)));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
