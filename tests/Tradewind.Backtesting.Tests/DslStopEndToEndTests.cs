using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Backtesting.Tests;

/// <summary>
/// <c>entry(..., stop_loss=, take_profit=, trailing_stop=)</c> written in the DSL and resolved by the engine inside
/// the bar from OHLC. The script enters 10 units at bar 1's close; with 0.1% slippage a long fills at bar 2's open
/// 100 * 1.001 = 100.1 (a short at 99.9), and the levels are percentages of that price.
/// </summary>
public sealed class DslStopEndToEndTests
{
    private const double Tol = 1e-9;

    private const string LongWithLevels = """emit_signal(bar_index == 1, entry("LONG", Quantity(10), stop_loss=2, take_profit=4))""";

    private static readonly BacktestOptions Costs = new() { TradingFee = 0.001, Slippage = 0.001 };

    private static CandleSeries After(params (double O, double H, double L, double C)[] bars) =>
        Bars.Hourly([(100, 100.5, 99.5, 100), (100, 101, 99, 100), .. bars]);

    private static async Task<BacktestTrade> OnlyTradeAsync(string script, CandleSeries data, BacktestOptions? options = null)
    {
        var result = await DslBacktest.RunAsync(script, data, options ?? Costs);
        return Assert.Single(result.Trades);
    }

    [Fact]
    public async Task Run_StopAndTargetInsideOneBar_StopCountsFirst()
    {
        // Stop 100.1 * 0.98 = 98.098, target 100.1 * 1.04 = 104.104; bar 2 reaches both.
        var trade = await OnlyTradeAsync(LongWithLevels, After((100, 105, 97, 101), (101, 101.5, 100.5, 101)));

        Assert.Equal((2, 2, ExitReason.StopLoss), (trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(100.1, trade.EntryPrice, Tol);
        // A stop-market order: the level less slippage, 98.098 * 0.999.
        Assert.Equal(97.999902, trade.ExitPrice, Tol);
        // 10 * (97.999902 - 100.1) - 0.001 * 10 * (100.1 + 97.999902).
        Assert.Equal(-22.98197902, trade.Pnl, Tol);
    }

    [Fact]
    public async Task Run_TargetReached_FillsAtTheTargetWithoutSlippage()
    {
        var trade = await OnlyTradeAsync(LongWithLevels, After((100, 102, 99, 101.5), (101.5, 104.5, 101, 104), (104, 104.5, 103.5, 104)));

        Assert.Equal((2, 3, ExitReason.TakeProfit), (trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(104.104, trade.ExitPrice, Tol);
        // 10 * 4.004 - 0.001 * 10 * (100.1 + 104.104).
        Assert.Equal(37.99796, trade.Pnl, Tol);
    }

    [Fact]
    public async Task Run_GapThroughTheStop_FillsAtTheOpen()
    {
        var trade = await OnlyTradeAsync(LongWithLevels, After((100, 101, 99, 100), (95, 96, 94, 95.5)));

        // Bar 3 opens at 95, below the 98.098 stop: out at 95 * 0.999.
        Assert.Equal((3, ExitReason.StopLoss), (trade.ExitBar, trade.ExitReason));
        Assert.Equal(94.905, trade.ExitPrice, Tol);
        Assert.Equal(-53.90005, trade.Pnl, Tol);
    }

    [Fact]
    public async Task Run_GapThroughTheTarget_FillsAtTheBetterOpen()
    {
        var trade = await OnlyTradeAsync(LongWithLevels, After((100, 101, 99, 100), (106, 107, 105.5, 106.5)));

        Assert.Equal((3, ExitReason.TakeProfit), (trade.ExitBar, trade.ExitReason));
        Assert.Equal(106, trade.ExitPrice, Tol);
        Assert.Equal(56.939, trade.Pnl, Tol);
    }

    [Fact]
    public async Task Run_ShortWithLevels_StopAboveCountsFirst()
    {
        const string script = """emit_signal(bar_index == 1, entry("SHORT", Quantity(10), stop_loss=2, take_profit=4))""";

        // Short at 99.9: stop 101.898, target 95.904; bar 2 reaches both.
        var trade = await OnlyTradeAsync(script, After((100, 103, 95, 99), (99, 99.5, 98.5, 99)));

        Assert.Equal((PositionSide.Short, 2, ExitReason.StopLoss), (trade.Side, trade.ExitBar, trade.ExitReason));
        Assert.Equal(99.9, trade.EntryPrice, Tol);
        // Buying back through the stop costs slippage: 101.898 * 1.001.
        Assert.Equal(101.999898, trade.ExitPrice, Tol);
        Assert.Equal(-23.01797898, trade.Pnl, Tol);
    }

    [Fact]
    public async Task Run_TrailingStop_TrailsTheHighestHighOfEarlierBars()
    {
        const string script = """emit_signal(bar_index == 1, entry("LONG", Quantity(10), trailing_stop=3))""";

        // From the 100.1 fill: bar 2 trails at 97.097 (low 99.5 holds), its high 102 moves the trail to 98.94 for bar 3
        // (low 101 holds), bar 3's high 106 moves it to 102.82 for bar 4, whose low 102 reaches it.
        var data = After((100, 102, 99.5, 101), (101, 106, 101, 105), (105, 105.5, 102, 103), (103, 104, 102.5, 103.5));
        var trade = await OnlyTradeAsync(script, data);

        Assert.Equal((2, 4, ExitReason.TrailingStop), (trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(102.82 * 0.999, trade.ExitPrice, Tol);
        Assert.Equal(24.1436282, trade.Pnl, Tol);
    }

    [Fact]
    public async Task Run_CloseFill_LevelsAreLiveFromTheNextBar()
    {
        // Filled at bar 1's close (100.1): bar 1's own low of 97 came before the entry and does not count; bar 2's
        // low of 98 reaches the 98.098 stop.
        var data = Bars.Hourly((100, 100.5, 99.5, 100), (100, 101, 97, 100), (100, 100.5, 98, 99), (99, 99.5, 98.5, 99));

        var trade = await OnlyTradeAsync(LongWithLevels, data, Costs with { Fill = FillTiming.Close });

        Assert.Equal((1, 2, ExitReason.StopLoss), (trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(100.1, trade.EntryPrice, Tol);
        Assert.Equal(97.999902, trade.ExitPrice, Tol);
    }
}
