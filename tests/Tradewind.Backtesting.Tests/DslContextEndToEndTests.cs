using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;
using static Tradewind.Backtesting.Tests.Infrastructure.Backtest;

namespace Tradewind.Backtesting.Tests;

/// <summary>
/// Scripts that read beyond their own bars: a higher timeframe with <c>tf()</c>, another ticker with <c>ref()</c> in a
/// cross-mode pair trade, and a perpetual's funding series with <c>funding_rate</c> under leverage.
/// </summary>
public sealed class DslContextEndToEndTests
{
    private const double Tol = 1e-9;

    /// <summary>
    /// 1h bars from midnight. The 00:00-04:00 bar closes at 100; in the 04:00-08:00 bar the hourly close jumps to 110
    /// at once (bar 4) but the 4h bar closes at 105 (bar 7); bar 8 opens at 106.
    /// </summary>
    private static readonly CandleSeries Hourly = Bars.Hourly(
        (100, 100.5, 99.5, 100),
        (100, 100.5, 99.5, 100),
        (100, 100.5, 99.5, 100),
        (100, 100.5, 99.5, 100),
        (100, 110.5, 99.5, 110),
        (110, 110.5, 104.5, 105),
        (105, 105.5, 104.5, 105),
        (105, 105.5, 104.5, 105),
        (106, 106.5, 105.5, 106),
        (106, 106.5, 105.5, 106),
        (106, 106.5, 105.5, 106),
        (106, 106.5, 105.5, 106));

    [Theory]
    // The 00:00 4h bar (close 100) is visible from bar 3, whose close at 04:00 is when it closes; the 04:00 bar's 105
    // only from bar 7 (08:00). Bar 7's signal fills at bar 8's open.
    [InlineData("tf(\"4h\", close) > 100", 3, 7, 8)]
    // The 4h SMA(2) needs two closed 4h bars: (100 + 105) / 2 = 102.5 at bar 7.
    [InlineData("tf(\"4h\", sma(close, 2)) > 100", 7, 7, 8)]
    // The hourly close, for contrast: above 100 at bar 4 already.
    [InlineData("close > 100", 0, 4, 5)]
    public async Task Run_HigherTimeframeValue_IsVisibleOnlyAfterTheHigherBarCloses(string condition, int firstTradable, int firstSignal, int fillBar)
    {
        var script = $"""emit_signal({condition}, entry("LONG", Quantity(1)))""";

        var program = await DslBacktest.PrepareAsync(script, Hourly);
        var result = await DslBacktest.RunAsync(script, Hourly, Frictionless);

        Assert.Equal(firstTradable, program.FirstTradableBar);
        Assert.Equal(firstSignal, program.EvaluateAll()[0].Bar);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(fillBar, trade.EntryBar);
        Assert.Equal(Hourly.Open[fillBar], trade.EntryPrice);
    }

    [Fact]
    public async Task Run_HigherTimeframeFromASourceWithHistory_WarmsUpEarlierButSeesTheSameBars()
    {
        // The source holds 4h bars, two of them before the backtest's first hour (closes 90).
        const long fourHours = 4 * Bars.Hour;
        var fourHourly = Bars.Build(
            Bars.T0 - (2 * fourHours),
            fourHours,
            [(90, 90.5, 89.5, 90), (90, 90.5, 89.5, 90), (100, 100.5, 99.5, 100), (100, 110.5, 99.5, 105), (106, 106.5, 105.5, 106)]);
        var source = new InMemorySeriesSource().Add(Specs.Btc, Timeframe.H4, fourHourly);
        const string script = """emit_signal(tf("4h", sma(close, 2)) > 100, entry("LONG", Quantity(1)))""";

        var program = await DslBacktest.PrepareAsync(script, Hourly, source: source);
        var result = await DslBacktest.RunAsync(script, Hourly, Frictionless, source: source);

        // The SMA of the two bars before midnight (90) is known from the first hour on, so the script is tradable from
        // bar 0 (bar 7 without the history); (90 + 100) / 2 = 95 from bar 3, and (100 + 105) / 2 = 102.5 only at bar 7.
        Assert.Equal(0, program.FirstTradableBar);
        Assert.Equal(7, program.EvaluateAll()[0].Bar);
        Assert.Equal(8, Assert.Single(result.Trades).EntryBar);
    }

    [Fact]
    public async Task Run_RefPairTradeInCrossMode_ShortsOneLegAndBuysTheOther()
    {
        // BTC runs the script and trades both legs of the pair; ETH has no script of its own.
        const string script = """
            eth = ref("BINANCE:ETH/USDT", close)
            spread = close / eth
            emit_signal(spread > 1.05, entry("BINANCE:BTC/USDT", "SHORT", Weight(0.4)))
            emit_signal(spread > 1.05, entry("BINANCE:ETH/USDT", "LONG", Weight(0.4)))
            emit_signal(spread < 1.01, exit("BINANCE:BTC/USDT"))
            emit_signal(spread < 1.01, exit("BINANCE:ETH/USDT"))
            """;
        var btc = Bars.Hourly(
            (100, 100.5, 99.5, 100),
            (100, 100.5, 99.5, 100),
            (100, 106.5, 99.5, 106),
            (105, 105.5, 103.5, 104),
            (104, 104.5, 100.5, 101),
            (100.5, 101, 100, 100.5),
            (100.5, 101, 100, 100.5));
        var eth = Bars.Hourly(
            (100, 100.5, 99.5, 100),
            (100, 100.5, 99.5, 100),
            (100, 100.5, 99.5, 100),
            (100.5, 101.5, 100, 101),
            (101, 101.5, 100, 100.5),
            (100.2, 100.7, 99.7, 100.2),
            (100.2, 100.7, 99.7, 100.2));
        var source = new InMemorySeriesSource().Add(Specs.Eth, Timeframe.H1, eth);
        var program = await DslBacktest.PrepareAsync(script, btc, Specs.Btc, source: source);
        var legs = new[] { new BacktestLeg(Specs.Spot(Specs.Btc), btc, program), new BacktestLeg(Specs.Spot(Specs.Eth), eth) };

        var result = BacktestEngine.Run(new BacktestRequest(legs, Timeframe.H1, Frictionless with { Mode = BacktestMode.Cross }));

        // The spread is 106 / 100 = 1.06 at bar 2, 104 / 101 = 1.0297 at bar 3 and 101 / 100.5 = 1.005 at bar 4.
        // Bar 3's opens: short 4000 / 105 = 38.095 BTC, buy 4000 / 100.5 = 39.800 ETH (0.4 of the shared 10000 each).
        // Bar 5's opens close both: BTC bought back at 100.5, ETH sold at 100.2.
        Assert.Equal(2, result.Trades.Count);
        var (shortBtc, longEth) = (result.Trades[0], result.Trades[1]);
        Assert.Equal((Specs.Btc, PositionSide.Short, 3, 5, ExitReason.Signal), (shortBtc.Ticker, shortBtc.Side, shortBtc.EntryBar, shortBtc.ExitBar, shortBtc.ExitReason));
        Assert.Equal(38.095, shortBtc.Quantity, Tol);
        Assert.Equal((105.0, 100.5), (shortBtc.EntryPrice, shortBtc.ExitPrice));
        Assert.Equal(38.095 * 4.5, shortBtc.Pnl, Tol);
        Assert.Equal((Specs.Eth, PositionSide.Long, 3, 5, ExitReason.Signal), (longEth.Ticker, longEth.Side, longEth.EntryBar, longEth.ExitBar, longEth.ExitReason));
        Assert.Equal(39.8, longEth.Quantity, Tol);
        Assert.Equal((100.5, 100.2), (longEth.EntryPrice, longEth.ExitPrice));
        Assert.Equal(39.8 * -0.3, longEth.Pnl, Tol);
        // One account: both positions' collateral came out of the same cash.
        Assert.Equal(10000 - (38.095 * 105) - (39.8 * 100.5), result.Equity.Cash[3], Tol);
        Assert.Equal(10000 + 171.4275 - 11.94, result.Metrics.FinalEquity, Tol);
        Assert.Empty(result.RejectedOrders);
    }

    private static readonly CandleSeries FundingBars =
        Bars.Hourly([.. Enumerable.Range(0, 20).Select(i => i < 17 ? (100.0, 100.5, 99.5, 100.0) : (102.0, 102.5, 101.5, 102.0))]);

    // Events at the open of bars 0, 8 and 16.
    private static readonly List<FundingRate> Funding =
    [
        new(Bars.T0, -0.0001),
        new(Bars.T0 + (8 * Bars.Hour), 0.0001),
        new(Bars.T0 + (16 * Bars.Hour), 0.001),
    ];

    private static readonly BacktestOptions TenX = new() { Leverage = 10, TradingFee = 0.0005, Slippage = 0 };

    [Fact]
    public async Task Run_PerpetualWithFundingRateScript_PaysFundingOnTheLeveragedPosition()
    {
        // Long while funding is negative; out once the price is above 101.
        const string script = """
            emit_signal(funding_rate < 0, entry("LONG", Weight(0.5)))
            emit_signal(close > 101, exit())
            """;

        var result = await DslBacktest.RunAsync(script, FundingBars, TenX, Specs.Perp(Specs.BtcPerp), Funding);

        var trade = Assert.Single(result.Trades);
        // Bar 0 sees the -0.01% event: buy at bar 1's open. Half the equity as margin plus fee at 10x:
        // 5000 / (100 * (0.1 + 0.0005)) = 497.512 (lot 0.001); margin 4975.12, fee 24.8756. Later entries (while the
        // rate is negative) stay within the band. Funding: 497.512 * 100 * 0.0001 = 4.97512 at bar 8 and
        // 497.512 * 100 * 0.001 = 49.7512 at bar 16. Bar 17 closes at 102: sold at bar 18's open of 102 (fee 25.373112).
        Assert.Equal((PositionSide.Long, 1, 18, ExitReason.Signal), (trade.Side, trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(497.512, trade.Quantity, Tol);
        Assert.Equal((100.0, 102.0), (trade.EntryPrice, trade.ExitPrice));
        Assert.Equal(54.72632, trade.Funding, Tol);
        Assert.Equal(50.248712, trade.Fees, Tol);
        // 497.512 * 2 - 50.248712 - 54.72632, over the 4975.12 margin.
        Assert.Equal(890.048968, trade.Pnl, 1e-9);
        Assert.Equal(890.048968 / 4975.12 * 100, trade.PnlPct, 1e-9);
        Assert.Equal(54.72632, result.Metrics.FundingPaid, Tol);
        Assert.Equal(10000 - 4975.12 - 24.8756, result.Equity.Cash[1], Tol);
        Assert.Equal(10000 + 890.048968, result.Metrics.FinalEquity, 1e-9);
        Assert.Empty(result.RejectedOrders);
    }

    [Fact]
    public async Task Run_ExitOnTheFundingRate_StillPaysTheEventItReactedTo()
    {
        const string script = """
            emit_signal(funding_rate < 0, entry("LONG", Weight(0.5)))
            emit_signal(funding_rate > 0.0005, exit())
            """;

        var program = await DslBacktest.PrepareAsync(script, FundingBars, Specs.BtcPerp, funding: Funding);
        var result = await DslBacktest.RunAsync(script, FundingBars, TenX, Specs.Perp(Specs.BtcPerp), Funding);

        // The 16:00 event is settled by the engine in the 16:00 bar, on the position held after that bar's open. The
        // script may react to it at that bar's close at the earliest (and exit at bar 17's open), so the position pays
        // it. Today funding_rate already shows it at bar 15's close (16:00, "at or before the close"): the exit fills
        // at bar 16's open, before the settlement, and the 49.7512 is never paid.
        Assert.Equal(16, program.EvaluateAll().First(s => s.Intent.Kind == IntentKind.Exit).Bar);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(17, trade.ExitBar);
        Assert.Equal(54.72632, trade.Funding, Tol);
    }

    [Fact]
    public async Task Run_PerpetualUnrealizedPnlPct_IsLeveraged()
    {
        const string script = """
            emit_signal(bar_index == 0, entry("LONG", Weight(1)))
            emit_signal(unrealized_pnl_pct >= 15, exit())
            """;
        var data = Bars.Hourly(
            (100, 100.5, 99.5, 100),
            (100, 101.5, 99.5, 101),
            (101, 102.5, 100.5, 102),
            (102, 103.5, 101.5, 103.1),
            (103, 103.5, 102.5, 103),
            (103, 103.5, 102.5, 103));

        var result = await DslBacktest.RunAsync(script, data, Frictionless with { Leverage = 5 }, Specs.Perp(Specs.BtcPerp));

        // 10000 / (100 / 5) = 500 units. At 5x the position is up 5%, 10% and 15.5% at bars 1-3 (a 3.1% move):
        // out at bar 4's open of 103.
        var trade = Assert.Single(result.Trades);
        Assert.Equal((1, 4, ExitReason.Signal), (trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(500, trade.Quantity, Tol);
        Assert.Equal(1500, trade.Pnl, Tol);
        Assert.Equal(15, trade.PnlPct, Tol);
    }
}
