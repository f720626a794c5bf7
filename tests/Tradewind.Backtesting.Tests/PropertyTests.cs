using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;

namespace Tradewind.Backtesting.Tests;

/// <summary>Determinism (byte-identical results) and no lookahead (future bars never change the past).</summary>
public sealed class PropertyTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    // Fixed seeds: the same cases run every time; change the seed to explore others.
    private static Config Seeded(int tests, ulong seed) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(seed), Microsoft.FSharp.Core.FSharpOption<int>.None)));

    private static byte[] Serialize(BacktestResult result) => JsonSerializer.SerializeToUtf8Bytes(result, Json);

    private static BacktestRequest TwoTickers(BacktestMode mode, ulong seed)
    {
        var btc = Bars.RandomWalk(2000, seed);
        var eth = Bars.RandomWalk(2000, seed + 17);
        var legs = new[]
        {
            new BacktestLeg(Specs.Spot(Specs.Btc), btc, new SmaCrossProgram(btc, 5, 20, shorts: true, stop: 3, take: 6, weight: 0.5)),
            new BacktestLeg(Specs.Spot(Specs.Eth), eth, new SmaCrossProgram(eth, 8, 30, trail: 4, weight: 0.5)),
        };
        return new BacktestRequest(legs, Timeframe.H1, new BacktestOptions { Mode = mode });
    }

    [Theory]
    [InlineData(BacktestMode.Isolated)]
    [InlineData(BacktestMode.Cross)]
    public void Run_SameInputsTwice_SerialiseToIdenticalBytes(BacktestMode mode)
    {
        var first = Serialize(BacktestEngine.Run(TwoTickers(mode, 7)));
        var second = Serialize(BacktestEngine.Run(TwoTickers(mode, 7)));

        Assert.True(first.Length > 10_000);
        Assert.Equal(first, second);
        var result = BacktestEngine.Run(TwoTickers(mode, 7));
        Assert.True(result.Trades.Count > 20, $"only {result.Trades.Count} trades");
    }

    [Fact]
    public void Run_InParallel_GivesTheSameBytesAsSequentially()
    {
        var expected = Serialize(BacktestEngine.Run(TwoTickers(BacktestMode.Cross, 11)));
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = Serialize(BacktestEngine.Run(TwoTickers(BacktestMode.Cross, 11))));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static Gen<(int Seed, int Bars, int Extra, bool Close, bool KeepOpen, int Fast, int Slow, int Leverage)> Scenarios() =>
        from seed in Gen.Choose(1, int.MaxValue)
        from bars in Gen.Choose(40, 400)
        from extra in Gen.Choose(1, 60)
        from close in Gen.Elements(true, false)
        from keep in Gen.Elements(true, false)
        from fast in Gen.Choose(2, 6)
        from slow in Gen.Choose(7, 25)
        from leverage in Gen.Choose(1, 20)
        select (seed, bars, extra, close, keep, fast, slow, leverage);

    [Fact]
    public void Run_AppendingFutureBars_NeverChangesPastTradesOrEquity()
    {
        Prop.ForAll(Scenarios().ToArbitrary(), s =>
        {
            var all = Bars.RandomWalk(s.Bars + s.Extra, (ulong)s.Seed);
            var past = all.Slice(0, s.Bars);
            var options = new BacktestOptions
            {
                Fill = s.Close ? FillTiming.Close : FillTiming.NextOpen,
                EndOfData = s.KeepOpen ? EndOfDataPolicy.KeepOpen : EndOfDataPolicy.CloseAtLastClose,
                Leverage = s.Leverage,
                MaintenanceMarginRate = 0.004,
            };
            var spec = Specs.Perp(Specs.BtcPerp);
            var funding = Enumerable.Range(0, (s.Bars + s.Extra) / 8).Select(i => new FundingRate(Bars.T0 + (i * 8 * Bars.Hour), ((i % 5) - 2) * 0.0001)).ToList();

            BacktestResult Run(CandleSeries data) => BacktestEngine.Run(new BacktestRequest(
                [new BacktestLeg(spec, data, new SmaCrossProgram(data, s.Fast, s.Slow, shorts: s.Seed % 2 == 0, stop: 2, take: 4, trail: 3), funding)],
                Timeframe.H1,
                options));

            var shortRun = Run(past);
            var longRun = Run(all);
            var last = s.Bars - 1;

            // Everything that happened up to the last shared bar is identical; only the end-of-data close differs.
            var pastTrades = shortRun.Trades.Where(t => t.ExitReason != ExitReason.EndOfData).ToList();
            var sameTrades = longRun.Trades.Where(t => t.ExitBar <= last).ToList();
            Assert.Equal(pastTrades, sameTrades);
            Assert.Equal(shortRun.RejectedOrders, longRun.RejectedOrders.Where(r => r.Time <= past.Time[last]));
            Assert.Equal(shortRun.Liquidations, longRun.Liquidations.Where(l => l.Time <= past.Time[last]));
            var compared = s.KeepOpen ? s.Bars : s.Bars - 1;
            Assert.Equal(shortRun.Equity.Equity.AsSpan(0, compared).ToArray(), longRun.Equity.Equity.AsSpan(0, compared).ToArray());
            return true;
        }).Check(Seeded(150, 20240101));
    }

    [Fact]
    public void Run_AppendingFutureBarsInCrossMode_NeverChangesThePast()
    {
        Prop.ForAll(Scenarios().ToArbitrary(), s =>
        {
            BacktestResult Run(int bars)
            {
                var btc = Bars.RandomWalk(s.Bars + s.Extra, (ulong)s.Seed).Slice(0, bars);
                var eth = Bars.RandomWalk(s.Bars + s.Extra, (ulong)s.Seed + 3).Slice(0, bars);
                var legs = new[]
                {
                    new BacktestLeg(Specs.Spot(Specs.Btc), btc, new SmaCrossProgram(btc, s.Fast, s.Slow, weight: 0.6)),
                    new BacktestLeg(Specs.Spot(Specs.Eth), eth, new SmaCrossProgram(eth, s.Fast + 1, s.Slow, stop: 2, weight: 0.6)),
                };
                return BacktestEngine.Run(new BacktestRequest(legs, Timeframe.H1, new BacktestOptions { Mode = BacktestMode.Cross, EndOfData = EndOfDataPolicy.KeepOpen }));
            }

            var shortRun = Run(s.Bars);
            var longRun = Run(s.Bars + s.Extra);
            Assert.Equal(shortRun.Trades, longRun.Trades.Where(t => t.ExitBar < s.Bars));
            Assert.Equal(shortRun.RejectedOrders, longRun.RejectedOrders.Where(r => r.Time < Bars.T0 + (s.Bars * Bars.Hour)));
            Assert.Equal(shortRun.Equity.Equity, longRun.Equity.Equity.AsSpan(0, s.Bars).ToArray());
            return true;
        }).Check(Seeded(100, 20240102));
    }

    [Fact]
    public void Run_AnyScenario_BooksBalance()
    {
        int liquidations = 0, reversals = 0, stops = 0, openAtEnd = 0;
        Prop.ForAll(Scenarios().ToArbitrary(), s =>
        {
            var btc = Bars.RandomWalk(s.Bars + s.Extra, (ulong)s.Seed);
            var eth = Bars.RandomWalk(s.Bars + s.Extra, (ulong)s.Seed + 9);
            var perp = new Ticker(ExchangeId.BinanceFuturesUsd, "ETH", "USDT");
            var funding = Enumerable.Range(0, (s.Bars + s.Extra) / 8).Select(i => new FundingRate(Bars.T0 + (i * 8 * Bars.Hour), ((i % 7) - 3) * 0.0003)).ToList();
            var legs = new[]
            {
                new BacktestLeg(Specs.Spot(Specs.Btc), btc, new SmaCrossProgram(btc, s.Fast, s.Slow, shorts: true, stop: 3, weight: 0.4)),
                new BacktestLeg(Specs.Perp(perp), eth, new SmaCrossProgram(eth, s.Fast, s.Slow + 2, shorts: true, trail: s.Leverage < 8 ? 2 : null, weight: 0.5), funding),
            };
            var options = new BacktestOptions
            {
                Mode = s.Seed % 2 == 0 ? BacktestMode.Cross : BacktestMode.Isolated,
                Fill = s.Close ? FillTiming.Close : FillTiming.NextOpen,
                EndOfData = s.KeepOpen ? EndOfDataPolicy.KeepOpen : EndOfDataPolicy.CloseAtLastClose,
                Leverage = s.Leverage,
                MaintenanceMarginRate = 0.004,
                TradingFee = 0.001,
                Slippage = 0.0007,
            };

            var result = BacktestEngine.Run(new BacktestRequest(legs, Timeframe.H1, options));

            // Cash in = cash out: every unit of PnL, fee and funding is on a trade or an open position.
            var tradePnl = result.Trades.Sum(t => t.Pnl);
            var openPnl = result.OpenPositions.Sum(p => p.UnrealizedPnl - p.Fees - p.Funding);
            var fees = result.Trades.Sum(t => t.Fees) + result.OpenPositions.Sum(p => p.Fees);
            var fundingTotal = result.Trades.Sum(t => t.Funding) + result.OpenPositions.Sum(p => p.Funding);
            var scale = Math.Max(1, Math.Abs(result.Metrics.FinalEquity));
            Assert.Equal(result.Metrics.FinalEquity, 10_000 + tradePnl + openPnl, 1e-7 * scale);
            Assert.Equal(result.Metrics.FeesPaid, fees, 1e-7 * scale);
            Assert.Equal(result.Metrics.FundingPaid, fundingTotal, 1e-7 * scale);
            Assert.Equal(result.Metrics.FinalEquity - 10_000, result.Tickers.Sum(t => t.Pnl), 1e-7 * scale);
            Assert.Equal(result.Liquidations.Count, result.Trades.Count(t => t.ExitReason == ExitReason.Liquidation));
            Assert.All(result.Trades, t => Assert.True(t.Quantity > 0 && t.ExitTime >= t.EntryTime));
            Assert.All(result.Equity.Cash, c => Assert.True(c >= -1e-6 * scale, $"cash {c}"));
            liquidations += result.Liquidations.Count;
            reversals += result.Trades.Count(t => t.ExitReason == ExitReason.Reversal);
            stops += result.Trades.Count(t => t.ExitReason is ExitReason.StopLoss or ExitReason.TrailingStop);
            openAtEnd += result.OpenPositions.Count;
            return true;
        }).Check(Seeded(150, 20240103));

        // The cases reach every path that moves money.
        Assert.True(liquidations > 0 && reversals > 0 && stops > 0 && openAtEnd > 0, $"{liquidations} {reversals} {stops} {openAtEnd}");
    }
}
