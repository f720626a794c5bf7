using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;
using static Tradewind.Backtesting.Tests.Infrastructure.Backtest;

namespace Tradewind.Backtesting.Tests;

/// <summary>
/// Compiled Signal DSL scripts driving the engine: the script text is compiled, prepared over the leg's candles and
/// run, and every fill, price, fee and PnL is checked against numbers worked out by hand on small series.
/// </summary>
public sealed class DslEndToEndTests
{
    private const double Tol = 1e-9;

    private static readonly BacktestOptions Costs = new() { TradingFee = 0.001, Slippage = 0.001 };

    /// <summary>Closes 100, 99, ..., 86 (bars 0-14), then 85.5, 95, 97; each bar opens at the previous close.</summary>
    private static CandleSeries Selloff()
    {
        double[] closes = [100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 89, 88, 87, 86, 85.5, 95, 97];
        var bars = new (double, double, double, double)[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            var open = i == 0 ? 100 : closes[i - 1];
            bars[i] = (open, Math.Max(open, closes[i]) + 0.5, Math.Min(open, closes[i]) - 0.5, closes[i]);
        }

        return Bars.Hourly(bars);
    }

    [Fact]
    public async Task Run_AgentFormRsiOversold_BuysHalfTheEquityAtTheNextOpen()
    {
        const string script = """
            oversold = rsi(close, 14) < 30
            emit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))
            """;
        var data = Selloff();

        var program = await DslBacktest.PrepareAsync(script, data);
        var result = await DslBacktest.RunAsync(script, data, Costs);

        // RSI(14) first has a value at bar 14: fourteen losses, no gain, RSI 0. Bar 15 loses 0.5 more (still 0); bar 16
        // gains 9.5: avg gain 9.5/14, avg loss 13.5/14 * 13/14, RSI 43.1. So the condition holds on bars 14 and 15.
        Assert.Equal(14, program.FirstTradableBar);
        Assert.False(program.ReadsPortfolio);
        Assert.Equal([14, 15], program.EvaluateAll().Select(s => s.Bar));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(Specs.Btc, trade.Ticker);
        Assert.Equal(PositionSide.Long, trade.Side);
        // Bar 14's signal fills at bar 15's open 86 plus slippage: 86.086. Half of 10000 with the fee counted:
        // 5000 / (86.086 * 1.001) = 58.0234..., floored to the 0.001 lot.
        Assert.Equal((15, 17), (trade.EntryBar, trade.ExitBar));
        Assert.Equal(86.086, trade.EntryPrice, Tol);
        Assert.Equal(58.023, trade.Quantity, Tol);
        // Bar 15's repeated signal targets 0.5 * 9961.0036 / (85.5 * 1.001 * 1.001) = 58.135 at bar 16's open, within
        // the 5% band of 58.023: no second fill. End of data sells at the last close 97 less slippage: 96.903.
        Assert.Equal(ExitReason.EndOfData, trade.ExitReason);
        Assert.Equal(96.903, trade.ExitPrice, Tol);
        // Fees 0.1% of 58.023 * 86.086 = 4.994967978 and of 58.023 * 96.903 = 5.622602769.
        Assert.Equal(10.617570747, trade.Fees, 1e-9);
        Assert.Equal((58.023 * (96.903 - 86.086)) - 10.617570747, trade.Pnl, 1e-9);
        Assert.Equal(617.017220253, trade.Pnl, 1e-8);
        Assert.Equal(10617.017220253, result.Metrics.FinalEquity, 1e-8);
        // After the buy: 10000 - 58.023 * 86.086 * 1.001 in cash.
        Assert.Equal(5000.037054022, result.Equity.Cash[15], 1e-8);
        Assert.Empty(result.RejectedOrders);
        Assert.Equal(0, result.UnfilledOrders);
    }

    private static readonly CandleSeries CrossData = Bars.Hourly(
        (100, 100.5, 99.5, 100),
        (100, 100.5, 99.5, 100),
        (100, 100.5, 99.5, 100),
        (100, 100.5, 99.5, 100),
        (100, 104.5, 99.5, 104),
        (105, 106.5, 104.5, 106),
        (106, 106.5, 101.5, 102),
        (102, 102.5, 95.5, 96),
        (97, 97.5, 94.5, 95),
        (95, 97.5, 94.5, 97));

    private const string SmaCross = """
        fast = sma(close, 2)
        slow = sma(close, 4)
        emit_signal(crossover(fast, slow), entry("LONG", Quantity(10)))
        emit_signal(crossunder(fast, slow), exit())
        """;

    [Fact]
    public async Task Run_SmaCrossNextOpen_FillsAtTheNextOpenWithFeeAndSlippage()
    {
        var program = await DslBacktest.PrepareAsync(SmaCross, CrossData);
        var result = await DslBacktest.RunAsync(SmaCross, CrossData, Costs);

        // sma2/sma4 at bar 3: 100/100; bar 4: 102/101 (crossover); bar 6: 104/103; bar 7: 99/102 (crossunder).
        // crossover reads [-2] of sma4, so the first tradable bar is 4.
        Assert.Equal(4, program.FirstTradableBar);
        Assert.Equal([4, 7], program.EvaluateAll().Select(s => s.Bar));

        var trade = Assert.Single(result.Trades);
        // Buy at bar 5's open 105 * 1.001 = 105.105; sell at bar 8's open 97 * 0.999 = 96.903.
        Assert.Equal((5, 8), (trade.EntryBar, trade.ExitBar));
        Assert.Equal((Bars.T0 + (5 * Bars.Hour), Bars.T0 + (8 * Bars.Hour)), (trade.EntryTime, trade.ExitTime));
        Assert.Equal(105.105, trade.EntryPrice, Tol);
        Assert.Equal(96.903, trade.ExitPrice, Tol);
        Assert.Equal(10, trade.Quantity, Tol);
        Assert.Equal(ExitReason.Signal, trade.ExitReason);
        // Fees 1.05105 + 0.96903; PnL 10 * (96.903 - 105.105) - 2.02008.
        Assert.Equal(2.02008, trade.Fees, Tol);
        Assert.Equal(-84.04008, trade.Pnl, Tol);
        Assert.Equal(-84.04008 / 1051.05 * 100, trade.PnlPct, Tol);
        Assert.Equal(10000 - 84.04008, result.Equity.Equity[^1], Tol);
        // Held from bar 5 to the close of bar 7: cash 10000 - 1051.05 - 1.05105.
        Assert.Equal(8947.89895 + 1060, result.Equity.Equity[5], Tol);
        Assert.Equal(8947.89895 + 960, result.Equity.Equity[7], Tol);
    }

    [Fact]
    public async Task Run_SmaCrossCloseFill_FillsAtTheSignalBarsClose()
    {
        var result = await DslBacktest.RunAsync(SmaCross, CrossData, Costs with { Fill = FillTiming.Close });

        var trade = Assert.Single(result.Trades);
        // Buy at bar 4's close 104 * 1.001 = 104.104; sell at bar 7's close 96 * 0.999 = 95.904.
        Assert.Equal((4, 7), (trade.EntryBar, trade.ExitBar));
        Assert.Equal(104.104, trade.EntryPrice, Tol);
        Assert.Equal(95.904, trade.ExitPrice, Tol);
        Assert.Equal(1.04104 + 0.95904, trade.Fees, Tol);
        Assert.Equal(-84.00008, trade.Pnl, Tol);
        Assert.Equal(10000 - 1041.04 - 1.04104 + 1040, result.Equity.Equity[4], Tol);
    }

    // Bar 2 opens at 102: with 0.1% slippage every buy fills at 102.102.
    private static readonly CandleSeries SizeData = Bars.Hourly(
        (100, 101, 99, 100),
        (100, 102, 99, 101),
        (102, 104, 101, 103),
        (103, 106, 102, 105));

    [Theory]
    // 0.25 * 10000 / (102.102 * 1.001) = 24.4608..., floored to the lot.
    [InlineData("Weight(0.25)", 24.460)]
    [InlineData("Quantity(2.5)", 2.5)]
    // 1000 / 102 (the price before slippage) = 9.8039...
    [InlineData("Notional(1000)", 9.803)]
    // equity at bar 1's close is 10000: the same 1000.
    [InlineData("Notional(equity * 0.1)", 9.803)]
    public async Task Run_SizeKinds_TargetTheHandComputedQuantity(string size, double quantity)
    {
        var script = $"""emit_signal(bar_index == 1, entry("LONG", {size}))""";

        var result = await DslBacktest.RunAsync(script, SizeData, Costs with { EndOfData = EndOfDataPolicy.KeepOpen });

        var position = Assert.Single(result.OpenPositions);
        Assert.Equal(quantity, position.Quantity, Tol);
        Assert.Equal(102.102, position.EntryPrice, Tol);
        Assert.Equal(Bars.T0 + (2 * Bars.Hour), position.EntryTime);
        Assert.Equal(10000 - (quantity * 102.102 * 1.001), result.Equity.Cash[^1], 1e-9);
    }

    [Theory]
    [InlineData("Quantity(10)", 10)]
    // 10000 / (100.1 * 1.001) = 99.8003..., floored; later targets stay within 5% of it.
    [InlineData("Weight(1)", 99.8)]
    public async Task Run_ConditionTrueOnEveryBar_DoesNotPyramid(string size, double quantity)
    {
        var script = $"""emit_signal(close > 0, entry("LONG", {size}))""";

        var program = await DslBacktest.PrepareAsync(script, SizeData);
        var result = await DslBacktest.RunAsync(script, SizeData, Costs);

        // Four signals, one position: later entries find the position at (or within 5% of) its target.
        Assert.Equal(4, program.EvaluateAll().Count);
        var trade = Assert.Single(result.Trades);
        Assert.Equal((1, 3, ExitReason.EndOfData), (trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(100.1, trade.EntryPrice, Tol);
        Assert.Equal(quantity, trade.Quantity, Tol);
        Assert.Empty(result.RejectedOrders);
        Assert.Equal(1, result.UnfilledOrders);
    }

    [Fact]
    public async Task Run_ShortEntryWhileLong_ReversesInOneFill()
    {
        const string script = """
            emit_signal(close > open, entry("LONG", Quantity(10)))
            emit_signal(close < open, entry("SHORT", Quantity(4)))
            """;
        var data = Bars.Hourly(
            (100, 101, 99, 100),
            (100, 102, 99, 101),
            (101, 103, 100, 102),
            (102, 102.5, 99, 100),
            (99, 100, 97, 98),
            (98, 99, 97, 98.5));

        var result = await DslBacktest.RunAsync(script, data, Costs);

        Assert.Equal(2, result.Trades.Count);
        var (closedLong, closedShort) = (result.Trades[0], result.Trades[1]);
        // Long 10 from bar 2's open (101.101), reversed at bar 4's open: sold at 99 * 0.999 = 98.901.
        Assert.Equal((PositionSide.Long, 2, 4, ExitReason.Reversal), (closedLong.Side, closedLong.EntryBar, closedLong.ExitBar, closedLong.ExitReason));
        Assert.Equal(101.101, closedLong.EntryPrice, Tol);
        Assert.Equal(98.901, closedLong.ExitPrice, Tol);
        Assert.Equal(10, closedLong.Quantity, Tol);
        // 10 * (98.901 - 101.101) - 0.001 * 10 * (101.101 + 98.901).
        Assert.Equal(-24.00002, closedLong.Pnl, Tol);
        // The short opens in the same fill at the same price; end of data buys it back at 98.5 * 1.001 = 98.5985.
        Assert.Equal((PositionSide.Short, 4, 5, ExitReason.EndOfData), (closedShort.Side, closedShort.EntryBar, closedShort.ExitBar, closedShort.ExitReason));
        Assert.Equal(98.901, closedShort.EntryPrice, Tol);
        Assert.Equal(98.5985, closedShort.ExitPrice, Tol);
        Assert.Equal(4, closedShort.Quantity, Tol);
        // 4 * (98.901 - 98.5985) - 0.001 * 4 * (98.901 + 98.5985).
        Assert.Equal(0.420002, closedShort.Pnl, Tol);
        // Bar 5 (up) signals a long at the last bar: there is no next open.
        Assert.Equal(1, result.UnfilledOrders);
        Assert.Equal(10000 - 24.00002 + 0.420002, result.Metrics.FinalEquity, Tol);
    }

    // Bar i opens at 100 + i and closes half a point higher.
    private static readonly CandleSeries Stairs = Bars.Hourly([.. Enumerable.Range(0, 10).Select(i => (100.0 + i, 101.0 + i, 99.5 + i, 100.5 + i))]);

    [Fact]
    public async Task Run_BarsSinceEntryExit_RunsBarByBarOnTheEnginesPosition()
    {
        const string script = """
            emit_signal(position_size == 0, entry("LONG", Quantity(1)))
            emit_signal(bars_since_entry >= 3, exit())
            """;

        var program = await DslBacktest.PrepareAsync(script, Stairs);
        var result = await DslBacktest.RunAsync(script, Stairs, Frictionless);

        Assert.True(program.ReadsPortfolio);
        // Flat at bar 0's close: buy at bar 1's open (101). bars_since_entry is 0 at bar 1 and 3 at bar 4: sell at bar
        // 5's open (105). Flat again at bar 5's close: buy at bar 6's open (106); bar 9 signals the exit, but it is
        // the last bar, so the position closes at the end of the data (109.5) and the exit stays unfilled.
        Assert.Equal(2, result.Trades.Count);
        var (first, second) = (result.Trades[0], result.Trades[1]);
        Assert.Equal((1, 5, 101.0, 105.0, ExitReason.Signal), (first.EntryBar, first.ExitBar, first.EntryPrice, first.ExitPrice, first.ExitReason));
        Assert.Equal(4, first.Pnl, Tol);
        Assert.Equal((6, 9, 106.0, 109.5, ExitReason.EndOfData), (second.EntryBar, second.ExitBar, second.EntryPrice, second.ExitPrice, second.ExitReason));
        Assert.Equal(3.5, second.Pnl, Tol);
        Assert.Equal(1, result.UnfilledOrders);

        // Evaluated alone (always flat), the entry fires on every bar and the exit never does.
        Assert.Equal(10, program.EvaluateAll().Count(s => s.Intent.Kind == IntentKind.Entry));
    }

    [Fact]
    public async Task Run_UnrealizedPnlPctExit_UsesTheSlippedEntryPrice()
    {
        const string script = """
            emit_signal(bar_index == 0, entry("LONG", Quantity(2)))
            emit_signal(unrealized_pnl_pct >= 5 or unrealized_pnl_pct <= -3, exit())
            """;
        var data = Bars.Hourly(
            (100, 100.5, 99.5, 100),
            (100, 102.5, 99.5, 102),
            (102, 104.5, 101.5, 104),
            (104, 105.5, 103.5, 105.08),
            (105, 105.5, 104.5, 105.2),
            (105.5, 106, 105, 105.5),
            (105.5, 106, 105, 105.5));

        var result = await DslBacktest.RunAsync(script, data, new BacktestOptions { TradingFee = 0, Slippage = 0.001 });

        // Entry at 100 * 1.001 = 100.1. At bar 3's close 105.08 the position is up 4.975% (5.08% from the unslipped
        // 100), so nothing yet; at bar 4's close 105.2 it is up 5.0949%: exit at bar 5's open 105.5 * 0.999.
        var trade = Assert.Single(result.Trades);
        Assert.Equal((1, 5, ExitReason.Signal), (trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(100.1, trade.EntryPrice, Tol);
        Assert.Equal(105.3945, trade.ExitPrice, Tol);
        Assert.Equal(2 * (105.3945 - 100.1), trade.Pnl, Tol);
    }
}
