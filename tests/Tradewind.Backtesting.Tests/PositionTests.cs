using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;
using static Tradewind.Backtesting.Tests.Infrastructure.Backtest;

namespace Tradewind.Backtesting.Tests;

/// <summary>Targets, not pyramids: repeated entries, resizing, partial exits and reversals.</summary>
public sealed class PositionTests
{
    private const double Tol = 1e-9;

    private static readonly CandleSeries Data = Bars.Hourly(
        (100, 100, 100, 100),
        (100, 100, 100, 100),
        (110, 110, 110, 110),
        (100, 100, 100, 100),
        (100, 100, 100, 100));

    [Fact]
    public void Run_RepeatedEntries_DoNotPyramid()
    {
        var entry = Long(OrderSize.Quantity(10));
        var result = Script(Data, Frictionless, (0, entry), (1, entry), (2, entry), (3, entry));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(10, trade.Quantity);
        Assert.Equal(100, trade.EntryPrice);
        Assert.Equal(ExitReason.EndOfData, trade.ExitReason);
    }

    [Fact]
    public void Run_RepeatedWeightEntries_StayWithinTheBand()
    {
        // With fees the target drifts a little after the first fill; the 5% band keeps the position as it is.
        var entry = Long(OrderSize.Weight(0.5));
        var flat = Bars.Flat(6, 100);
        var options = new BacktestOptions { TradingFee = 0.001, Slippage = 0.001 };
        var result = Script(flat, options, (0, entry), (1, entry), (2, entry), (3, entry));

        var trade = Assert.Single(result.Trades);
        // 0.5 * 10000 / (100.1 * (1/1 + 0.001)) = 49.9001..., floored to 49.9.
        Assert.Equal(49.9, trade.Quantity, Tol);
        Assert.Equal(ExitReason.EndOfData, trade.ExitReason);
    }

    [Fact]
    public void Run_ZeroBand_RebalancesToTheExactTarget()
    {
        var entry = Long(OrderSize.Weight(0.5));
        var flat = Bars.Flat(6, 100);
        var options = new BacktestOptions { TradingFee = 0.001, Slippage = 0.001, RebalanceBand = 0 };
        var result = Script(flat, options, (0, entry), (1, entry));

        Assert.Equal(ExitReason.Rebalance, result.Trades[0].ExitReason);
        Assert.True(result.Trades[0].Quantity < 0.1);
    }

    [Fact]
    public void Run_LargerTarget_AddsTheDifferenceAtTheAveragePrice()
    {
        var result = Script(Data, Frictionless, (0, Long(OrderSize.Quantity(10))), (1, Long(OrderSize.Quantity(15))));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(15, trade.Quantity);
        // (10 * 100 + 5 * 110) / 15.
        Assert.Equal(1550.0 / 15, trade.EntryPrice, Tol);
        Assert.Equal(Bars.T0 + Bars.Hour, trade.EntryTime);
        Assert.Equal(15 * (100 - (1550.0 / 15)), trade.Pnl, Tol);
    }

    [Fact]
    public void Run_SmallerTarget_ClosesTheDifferenceAsARebalance()
    {
        var result = Script(Data, Frictionless, (0, Long(OrderSize.Quantity(10))), (1, Long(OrderSize.Quantity(4))));

        Assert.Equal(2, result.Trades.Count);
        Assert.Equal((6.0, ExitReason.Rebalance, 110.0), (result.Trades[0].Quantity, result.Trades[0].ExitReason, result.Trades[0].ExitPrice));
        Assert.Equal(60, result.Trades[0].Pnl, Tol);
        Assert.Equal((4.0, ExitReason.EndOfData), (result.Trades[1].Quantity, result.Trades[1].ExitReason));
    }

    [Fact]
    public void Run_PartialExit_ClosesThatFractionAndSplitsTheEntryFee()
    {
        var options = new BacktestOptions { TradingFee = 0.001, Slippage = 0 };
        var result = Script(Data, options, (0, Long(OrderSize.Quantity(10))), (1, Exit(0.5)));

        Assert.Equal(2, result.Trades.Count);
        var first = result.Trades[0];
        Assert.Equal(5, first.Quantity);
        Assert.Equal(ExitReason.Signal, first.ExitReason);
        // Half of the 1.0 entry fee plus 0.1% of 5 * 110.
        Assert.Equal(0.5 + 0.55, first.Fees, Tol);
        Assert.Equal(50 - 1.05, first.Pnl, Tol);
        Assert.Equal(5, result.Trades[1].Quantity);
    }

    [Fact]
    public void Run_PartialExitOffTheLotGrid_ClosesWholeLotsOnly()
    {
        var result = Script(Data, Frictionless with { LotStep = 1 }, (0, Long(OrderSize.Quantity(3))), (1, Exit(0.5)));

        // Half of 3 is 1.5 lots: one lot closes, two stay.
        Assert.Equal(1, result.Trades[0].Quantity);
        Assert.Equal(2, result.Trades[1].Quantity);
    }

    [Fact]
    public void Run_OppositeEntry_ClosesThenOpensInTheSameFill()
    {
        var options = new BacktestOptions { TradingFee = 0.001, Slippage = 0 };
        var result = Script(Data, options, (0, Long(OrderSize.Quantity(10))), (1, Short(OrderSize.Quantity(5))));

        Assert.Equal(2, result.Trades.Count);
        var closed = result.Trades[0];
        Assert.Equal((PositionSide.Long, ExitReason.Reversal, 110.0, 2), (closed.Side, closed.ExitReason, closed.ExitPrice, closed.ExitBar));
        Assert.Equal(100 - 1.0 - 1.1, closed.Pnl, Tol);
        var reversed = result.Trades[1];
        Assert.Equal((PositionSide.Short, 110.0, 2, 5.0), (reversed.Side, reversed.EntryPrice, reversed.EntryBar, reversed.Quantity));
        // Short 5 from 110 to the last close of 100, fees 0.55 + 0.5.
        Assert.Equal(50 - 0.55 - 0.5, reversed.Pnl, Tol);
    }

    [Fact]
    public void Run_ExitWhileFlat_DoesNothing()
    {
        var result = Script(Data, Frictionless, (0, Exit()));

        Assert.Empty(result.Trades);
        Assert.Empty(result.RejectedOrders);
    }

    [Fact]
    public void Run_EntryThenExitInOneBar_TheExitApplies()
    {
        var result = Script(Data, Frictionless, (0, Long(OrderSize.Quantity(10))), (1, Long(OrderSize.Quantity(20))), (1, Exit()));

        // Bar 1's entry to 20 is followed by a full exit: the target is flat.
        var trade = Assert.Single(result.Trades);
        Assert.Equal((10.0, ExitReason.Signal, 2), (trade.Quantity, trade.ExitReason, trade.ExitBar));
    }

    [Fact]
    public void Run_ShortPosition_ProfitsWhenThePriceFalls()
    {
        var data = Bars.Hourly((100, 100, 100, 100), (100, 100, 100, 100), (90, 90, 90, 90), (80, 80, 80, 80));
        var result = Script(data, Frictionless, (0, Short(OrderSize.Weight(1))));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(100, trade.Quantity, Tol);
        Assert.Equal(2000, trade.Pnl, Tol);
        // Short equity at bar 2: margin 10000 + 100 * (100 - 90).
        Assert.Equal(11000, result.Equity.Equity[2], Tol);
    }

    [Fact]
    public void Run_ReversalAllInWithFees_IsFundedFromTheClosedPosition()
    {
        var options = new BacktestOptions { TradingFee = 0.001, Slippage = 0.001 };
        var result = Script(Data, options, (0, Long(OrderSize.Weight(1))), (1, Short(OrderSize.Weight(1))));

        Assert.Empty(result.RejectedOrders);
        Assert.Equal(2, result.Trades.Count);
        Assert.Equal(ExitReason.Reversal, result.Trades[0].ExitReason);
        Assert.Equal(PositionSide.Short, result.Trades[1].Side);
        Assert.Equal(2, result.Trades[1].EntryBar);
    }
}
