using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;
using static Tradewind.Backtesting.Tests.Infrastructure.Backtest;

namespace Tradewind.Backtesting.Tests;

/// <summary>
/// Stop-loss, take-profit and trailing stops resolved inside the bar from OHLC. The long enters at bar 1's open of
/// 100 (signal at bar 0), so a 5% stop sits at 95 and a 5% target at 105.
/// </summary>
public sealed class StopTests
{
    private const double Tol = 1e-9;

    private static CandleSeries Scenario(params (double O, double H, double L, double C)[] after) =>
        Bars.Hourly([(100, 100, 100, 100), (100, 101, 99, 100), .. after, (100, 100, 100, 100)]);

    private static BacktestTrade OnlyTrade(BacktestResult result) => Assert.Single(result.Trades);

    [Fact]
    public void Run_StopAndTargetInTheSameBar_StopCountsFirst()
    {
        var data = Scenario((100, 106, 94, 100));
        var trade = OnlyTrade(Script(data, Frictionless, (0, Long(OrderSize.Quantity(10), stop: 5, take: 5))));

        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal(95, trade.ExitPrice, Tol);
        Assert.Equal(2, trade.ExitBar);
        Assert.Equal(-50, trade.Pnl, Tol);
    }

    [Fact]
    public void Run_TargetHit_FillsAtTheTargetWithoutSlippage()
    {
        var data = Scenario((100, 106, 99, 104));
        var options = new BacktestOptions { TradingFee = 0.001, Slippage = 0.001 };
        var trade = OnlyTrade(Script(data, options, (0, Long(OrderSize.Quantity(10), stop: 5, take: 5))));

        // Entry 100 * 1.001 = 100.1; target 100.1 * 1.05 = 105.105, a limit order: no slippage, fee charged.
        Assert.Equal(ExitReason.TakeProfit, trade.ExitReason);
        Assert.Equal(105.105, trade.ExitPrice, Tol);
        Assert.Equal((10 * 5.005) - 1.001 - 1.05105, trade.Pnl, Tol);
    }

    [Fact]
    public void Run_StopHit_FillsAtTheStopLessSlippage()
    {
        var data = Scenario((100, 101, 94, 96));
        var options = new BacktestOptions { TradingFee = 0, Slippage = 0.001 };
        var trade = OnlyTrade(Script(data, options, (0, Long(OrderSize.Quantity(10), stop: 5))));

        // Entry 100.1; stop 100.1 * 0.95 = 95.095; a stop-market sale slips 0.1%.
        Assert.Equal(95.095 * 0.999, trade.ExitPrice, Tol);
    }

    [Fact]
    public void Run_GapThroughTheStop_FillsAtTheOpen()
    {
        var data = Scenario((90, 92, 89, 91));
        var trade = OnlyTrade(Script(data, Frictionless, (0, Long(OrderSize.Quantity(10), stop: 5, take: 5))));

        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal(90, trade.ExitPrice, Tol);
        Assert.Equal(-100, trade.Pnl, Tol);
    }

    [Fact]
    public void Run_GapThroughTheTarget_FillsAtTheBetterOpen()
    {
        var data = Scenario((107, 108, 106, 107));
        var trade = OnlyTrade(Script(data, Frictionless, (0, Long(OrderSize.Quantity(10), stop: 5, take: 5))));

        Assert.Equal(ExitReason.TakeProfit, trade.ExitReason);
        Assert.Equal(107, trade.ExitPrice, Tol);
    }

    [Fact]
    public void Run_StopHitInTheEntryBar_ExitsInThatBar()
    {
        var data = Bars.Hourly((100, 100, 100, 100), (100, 101, 94, 99), (99, 99, 99, 99));
        var trade = OnlyTrade(Script(data, Frictionless, (0, Long(OrderSize.Quantity(10), stop: 5))));

        Assert.Equal((1, 1), (trade.EntryBar, trade.ExitBar));
        Assert.Equal(95, trade.ExitPrice, Tol);
    }

    [Fact]
    public void Run_TrailingStop_TrailsTheHighestHighOfEarlierBars()
    {
        var data = Bars.Hourly(
            (100, 100, 100, 100),
            (100, 110, 99, 108),   // entry at 100; extreme 110 after the bar
            (108, 120, 105, 118),  // level 110 * 0.9 = 99: not hit; extreme 120
            (118, 119, 107, 110),  // level 120 * 0.9 = 108: hit
            (110, 110, 110, 110));
        var trade = OnlyTrade(Script(data, Frictionless, (0, Long(OrderSize.Quantity(10), trail: 10))));

        Assert.Equal(ExitReason.TrailingStop, trade.ExitReason);
        Assert.Equal(108, trade.ExitPrice, Tol);
        Assert.Equal(3, trade.ExitBar);
        Assert.Equal(80, trade.Pnl, Tol);
    }

    [Fact]
    public void Run_TrailingAndFixedStop_TheNearerOneApplies()
    {
        var data = Bars.Hourly(
            (100, 100, 100, 100),
            (100, 101, 96, 100),   // trail level 90, stop 95: the stop is nearer, not hit
            (100, 110, 99, 109),   // extreme 110 after this bar
            (109, 109, 98, 100),   // trail 99 is now nearer than 95: hit at 99
            (100, 100, 100, 100));
        var trade = OnlyTrade(Script(data, Frictionless, (0, Long(OrderSize.Quantity(10), stop: 5, trail: 10))));

        Assert.Equal(ExitReason.TrailingStop, trade.ExitReason);
        Assert.Equal(99, trade.ExitPrice, Tol);
    }

    [Fact]
    public void Run_ShortStop_FillsAtTheStopAbove()
    {
        var data = Scenario((100, 106, 94, 100));
        var trade = OnlyTrade(Script(data, Frictionless, (0, Short(OrderSize.Quantity(10), stop: 5, take: 5))));

        Assert.Equal(PositionSide.Short, trade.Side);
        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal(105, trade.ExitPrice, Tol);
        Assert.Equal(-50, trade.Pnl, Tol);
    }

    [Fact]
    public void Run_ShortTarget_FillsAtTheTargetBelow()
    {
        var data = Scenario((100, 101, 94, 96));
        var trade = OnlyTrade(Script(data, Frictionless, (0, Short(OrderSize.Quantity(10), stop: 5, take: 5))));

        Assert.Equal(ExitReason.TakeProfit, trade.ExitReason);
        Assert.Equal(95, trade.ExitPrice, Tol);
        Assert.Equal(50, trade.Pnl, Tol);
    }

    [Fact]
    public void Run_ShortGapThroughStop_FillsAtTheOpen()
    {
        var data = Scenario((110, 112, 109, 111));
        var trade = OnlyTrade(Script(data, Frictionless, (0, Short(OrderSize.Quantity(10), stop: 5))));

        Assert.Equal(110, trade.ExitPrice, Tol);
        Assert.Equal(-100, trade.Pnl, Tol);
    }

    [Fact]
    public void Run_CloseFill_StopsStartOnTheNextBar()
    {
        // Entry at bar 1's close (100); bar 1's low of 94 happened before the entry and must not stop it.
        var data = Bars.Hourly((100, 100, 100, 100), (100, 101, 94, 100), (100, 101, 94.5, 100), (100, 100, 100, 100));
        var trade = OnlyTrade(Script(data, Frictionless with { Fill = FillTiming.Close }, (1, Long(OrderSize.Quantity(10), stop: 5))));

        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal(2, trade.ExitBar);
    }

    [Fact]
    public void Run_InvalidStopPercentage_IsRejected()
    {
        var result = Script(Scenario(), Frictionless, (0, Long(OrderSize.Quantity(10), stop: -5)));

        Assert.Equal(RejectReason.InvalidExitLevel, Assert.Single(result.RejectedOrders).Reason);
        Assert.Empty(result.Trades);
    }
}
