using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;
using static Tradewind.Backtesting.Tests.Infrastructure.Backtest;

namespace Tradewind.Backtesting.Tests;

/// <summary>Fill rules, fees, slippage, sizing and rounding, each checked against numbers worked out by hand.</summary>
public sealed class FillTests
{
    private const double Tol = 1e-9;

    // Bar i: open, high, low, close.
    private static readonly CandleSeries Data = Bars.Hourly(
        (100, 101, 99, 100),
        (100, 102, 99, 101),
        (102, 104, 101, 103),
        (103, 106, 102, 105),
        (106, 107, 104, 105));

    private static readonly BacktestOptions Costs = new() { TradingFee = 0.001, Slippage = 0.001, RebalanceBand = 0 };

    [Fact]
    public void Run_NextOpenFill_FillsAtNextOpenPlusSlippageAndChargesFee()
    {
        var result = Script(Data, Costs, (1, Long(OrderSize.Quantity(10))), (3, Exit()));

        var trade = Assert.Single(result.Trades);
        // Buy at open[2] * (1 + 0.001) = 102.102; sell at open[4] * (1 - 0.001) = 105.894.
        Assert.Equal(102.102, trade.EntryPrice, Tol);
        Assert.Equal(105.894, trade.ExitPrice, Tol);
        Assert.Equal(Bars.T0 + (2 * Bars.Hour), trade.EntryTime);
        Assert.Equal(Bars.T0 + (4 * Bars.Hour), trade.ExitTime);
        Assert.Equal((2, 4), (trade.EntryBar, trade.ExitBar));
        Assert.Equal(10, trade.Quantity, Tol);
        // Fees 0.1% of 1021.02 and of 1058.94.
        Assert.Equal(1.02102 + 1.05894, trade.Fees, Tol);
        // 10 * (105.894 - 102.102) - 2.07996.
        Assert.Equal(35.84004, trade.Pnl, Tol);
        Assert.Equal(35.84004 / 1021.02 * 100, trade.PnlPct, Tol);
        Assert.Equal(ExitReason.Signal, trade.ExitReason);
        Assert.Equal(PositionSide.Long, trade.Side);

        // Equity at each close: cash 8977.95898 after the buy, plus 10 units at the close.
        double[] expected = [10000, 10000, 8977.95898 + 1030, 8977.95898 + 1050, 10035.84004];
        Assert.Equal(expected.Length, result.Equity.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], result.Equity.Equity[i], Tol);
        }

        Assert.Equal(8977.95898, result.Equity.Cash[2], Tol);
        Assert.Equal(1030 / (8977.95898 + 1030) * 100, result.Equity.ExposurePct[2], Tol);
        Assert.Equal(2.07996, result.Metrics.FeesPaid, Tol);
        Assert.Equal(0.3584004, result.Metrics.TotalReturnPct, Tol);
    }

    [Fact]
    public void Run_CloseFill_FillsAtTheSignalBarsClose()
    {
        var result = Script(Data, Costs with { Fill = FillTiming.Close }, (1, Long(OrderSize.Quantity(10))), (3, Exit()));

        var trade = Assert.Single(result.Trades);
        // Buy at close[1] * 1.001 = 101.101, sell at close[3] * 0.999 = 104.895.
        Assert.Equal(101.101, trade.EntryPrice, Tol);
        Assert.Equal(104.895, trade.ExitPrice, Tol);
        Assert.Equal((1, 3), (trade.EntryBar, trade.ExitBar));
        Assert.Equal(37.94 - 1.01101 - 1.04895, trade.Pnl, Tol);
        // The fill happens before the bar's equity point is recorded.
        Assert.Equal(10000 - 1011.01 - 1.01101 + 1010, result.Equity.Equity[1], Tol);
    }

    [Fact]
    public void Run_WeightOne_SpendsAllCashIncludingTheFeeRoundedDownToTheLotStep()
    {
        var result = Script(Data, Costs with { EndOfData = EndOfDataPolicy.KeepOpen }, (1, Long(OrderSize.Weight(1))));

        var position = Assert.Single(result.OpenPositions);
        // q = 10000 / (102.102 * (1 + 0.001)) = 97.8434..., floored to the 0.001 lot.
        Assert.Equal(97.843, position.Quantity, Tol);
        Assert.Equal(10000 - (97.843 * 102.102 * 1.001), result.Equity.Cash[2], 1e-7);
        Assert.Empty(result.Trades);
        Assert.Equal(0, result.Metrics.RejectedOrders);
    }

    [Fact]
    public void Run_BacktestingPyPreset_BuysWholeUnitsAllInAndLeavesTheTradeOpen()
    {
        var result = Script(Data, BacktestOptions.BacktestingPy, (1, Long(OrderSize.Weight(1))));

        // floor(10000 / 102 / 1) * 1 = 98 units; 4 left in cash.
        var position = Assert.Single(result.OpenPositions);
        Assert.Equal(98, position.Quantity);
        Assert.Equal(102, position.EntryPrice);
        Assert.Equal(105, position.MarkPrice);
        Assert.Equal(98 * 3, position.UnrealizedPnl, Tol);
        Assert.Equal(4, result.Equity.Cash[^1], Tol);
        Assert.Equal(4 + (98 * 105), result.Metrics.FinalEquity, Tol);
        Assert.Empty(result.Trades);
    }

    [Fact]
    public void Run_QuantityOffTheLotGrid_IsRoundedDown()
    {
        var spec = Specs.Spot(Specs.Btc, lotStep: 0.01m);
        var result = Single(Data, c => ScriptedProgram.At(c, (1, Long(OrderSize.Quantity(1.23456)))), Frictionless, spec);

        Assert.Equal(1.23, Assert.Single(result.Trades).Quantity, Tol);
    }

    [Fact]
    public void Run_LotStepOption_OverridesTheInstrument()
    {
        var result = Script(Data, Frictionless with { LotStep = 1 }, (1, Long(OrderSize.Quantity(7.9))));

        Assert.Equal(7, Assert.Single(result.Trades).Quantity);
    }

    [Fact]
    public void Run_QuantityBelowOneLot_IsRejectedAndCounted()
    {
        var result = Script(Data, Frictionless, (1, Long(OrderSize.Quantity(0.0004))));

        Assert.Empty(result.Trades);
        var rejected = Assert.Single(result.RejectedOrders);
        Assert.Equal(RejectReason.BelowLotStep, rejected.Reason);
        Assert.Equal(1, result.Metrics.RejectedOrders);
        Assert.Equal(1, result.Tickers[0].RejectedOrders);
    }

    [Fact]
    public void Run_OrderBelowMinNotional_IsRejected()
    {
        var spec = Specs.Spot(Specs.Btc, minNotional: 10);
        var result = Single(Data, c => ScriptedProgram.At(c, (1, Long(OrderSize.Quantity(0.05))), (2, Long(OrderSize.Quantity(0.1)))), Frictionless, spec);

        // 0.05 * 102 = 5.1 < 10: rejected. 0.1 * 103 = 10.3: filled.
        var rejected = Assert.Single(result.RejectedOrders);
        Assert.Equal(RejectReason.BelowMinNotional, rejected.Reason);
        Assert.Equal(Bars.T0 + (2 * Bars.Hour), rejected.Time);
        Assert.Equal(5.1, rejected.Quantity * rejected.Price, Tol);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(0.1, trade.Quantity, Tol);
        Assert.Equal(103, trade.EntryPrice);
    }

    [Fact]
    public void Run_OrderBelowMinQuantity_IsRejected()
    {
        var spec = Specs.Spot(Specs.Btc, minQuantity: 0.01m);
        var result = Single(Data, c => ScriptedProgram.At(c, (1, Long(OrderSize.Quantity(0.005)))), Frictionless, spec);

        Assert.Equal(RejectReason.BelowMinQuantity, Assert.Single(result.RejectedOrders).Reason);
        Assert.Empty(result.Trades);
    }

    [Fact]
    public void Run_OrderCostingMoreThanTheCash_IsRejectedNotShrunk()
    {
        var result = Script(Data, Costs, (1, Long(OrderSize.Quantity(200))));

        var rejected = Assert.Single(result.RejectedOrders);
        Assert.Equal(RejectReason.InsufficientFunds, rejected.Reason);
        Assert.Equal(200, rejected.Quantity);
        Assert.Equal(102.102, rejected.Price, Tol);
        Assert.Equal(PositionSide.Long, rejected.Side);
        Assert.Empty(result.Trades);
        Assert.Equal(10000, result.Metrics.FinalEquity);
    }

    [Fact]
    public void Run_NotionalSize_BuysThatValueAtTheReferencePrice()
    {
        var result = Script(Data, Frictionless, (1, Long(OrderSize.Notional(510))));

        // 510 / open[2] = 5 units.
        Assert.Equal(5, Assert.Single(result.Trades).Quantity, Tol);
    }

    [Fact]
    public void Run_PositionOpenAtTheEnd_IsClosedAtTheLastCloseByDefault()
    {
        var result = Script(Data, Costs, (1, Long(OrderSize.Quantity(10))));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(ExitReason.EndOfData, trade.ExitReason);
        Assert.Equal(105 * 0.999, trade.ExitPrice, Tol);
        Assert.Equal(4, trade.ExitBar);
        Assert.Empty(result.OpenPositions);
        Assert.Equal(result.Equity.Cash[^1], result.Equity.Equity[^1]);
        Assert.Equal(10000 + trade.Pnl, result.Metrics.FinalEquity, Tol);
    }

    [Fact]
    public void Run_SignalOnTheLastBar_IsReportedAsUnfilled()
    {
        var result = Script(Data, Frictionless, (4, Long(OrderSize.Quantity(1))));

        Assert.Equal(1, result.UnfilledOrders);
        Assert.Empty(result.Trades);
    }

    [Fact]
    public void Run_FirstTradableBar_ProgramIsEvaluatedFromIt()
    {
        var program = new ScriptedProgram(Data, (_, _) => [], firstTradableBar: 2);
        Single(Data, _ => program, Frictionless);
        Assert.Equal([2, 3, 4], program.EvaluatedBars);

        var everyBar = new ScriptedProgram(Data, (_, _) => [], firstTradableBar: 2);
        Single(Data, _ => everyBar, Frictionless with { StartAtFirstTradableBar = false });
        Assert.Equal([0, 1, 2, 3, 4], everyBar.EvaluatedBars);
    }

    [Fact]
    public void Run_FromAndTo_LimitTheWindowAndEarlierBarsOnlyWarmUp()
    {
        var program = new ScriptedProgram(Data, (bar, _) => bar == 1 ? [Long(OrderSize.Quantity(1))] : []);
        var result = Single(Data, _ => program, Frictionless with { From = Bars.T0 + Bars.Hour, To = Bars.T0 + (4 * Bars.Hour) });

        Assert.Equal([1, 2, 3], program.EvaluatedBars);
        Assert.Equal(3, result.Equity.Count);
        Assert.Equal(Bars.T0 + Bars.Hour, result.Equity.Time[0]);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(105, trade.ExitPrice);
        Assert.Equal(3, trade.ExitBar);
        // Buy and hold over the window: close[1] = 101 to close[3] = 105.
        Assert.Equal(((105.0 / 101) - 1) * 100, result.Metrics.BuyAndHoldReturnPct, Tol);
    }

    [Fact]
    public void Run_ProgramSeesItsPositionAndTheAccount()
    {
        var seen = new List<PositionState>();
        var program = new ScriptedProgram(Data, (bar, view) =>
        {
            seen.Add(view.Position(Specs.Btc));
            return bar == 1 ? [Long(OrderSize.Quantity(10))] : [];
        });
        Single(Data, _ => program, Frictionless);

        Assert.Equal(PositionState.Flat, seen[1]);
        Assert.Equal(new PositionState(10, PositionSide.Long, 102, 0, ((103.0 / 102) - 1) * 100), seen[2]);
        Assert.Equal(1, seen[3].BarsSinceEntry);
        Assert.Equal(10000 - 1020, program.Views[2].Cash, Tol);
        Assert.Equal(10000 - 1020 + 1030, program.Views[2].Equity, Tol);
    }
}
