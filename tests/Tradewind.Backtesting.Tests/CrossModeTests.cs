using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;
using static Tradewind.Backtesting.Tests.Infrastructure.Backtest;

namespace Tradewind.Backtesting.Tests;

/// <summary>Isolated accounts per ticker against one shared account, on two tickers that move apart.</summary>
public sealed class CrossModeTests
{
    private const double Tol = 1e-9;

    private static readonly CandleSeries BtcBars = Bars.Hourly((100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110), (110, 110, 110, 110));

    private static readonly CandleSeries EthBars = Bars.Hourly((100, 100, 100, 100), (100, 100, 100, 100), (90, 90, 90, 90), (90, 90, 90, 90));

    private static BacktestResult Run(BacktestMode mode, OrderSize size, BacktestOptions? options = null)
    {
        var legs = new[]
        {
            new BacktestLeg(Specs.Spot(Specs.Btc), BtcBars, ScriptedProgram.At(BtcBars, (0, Long(size)))),
            new BacktestLeg(Specs.Spot(Specs.Eth), EthBars, ScriptedProgram.At(EthBars, (0, Long(size)))),
        };
        return BacktestEngine.Run(new BacktestRequest(legs, Timeframe.H1, (options ?? Frictionless) with { Mode = mode }));
    }

    [Fact]
    public void Isolated_EachTickerGetsItsShareOfTheCash()
    {
        var result = Run(BacktestMode.Isolated, OrderSize.Weight(1));

        // 5000 each buys 50 units at 100; BTC ends at 110, ETH at 90.
        Assert.Equal(2, result.Trades.Count);
        Assert.All(result.Trades, t => Assert.Equal(50, t.Quantity, Tol));
        Assert.Equal(10000, result.Metrics.FinalEquity, Tol);
        var (btc, eth) = (result.Tickers[0], result.Tickers[1]);
        Assert.Equal((Specs.Btc, 5000.0, 5500.0), (btc.Ticker, btc.InitialCash, btc.FinalEquity));
        Assert.Equal(10, btc.ReturnPct, Tol);
        Assert.Equal(-10, eth.ReturnPct, Tol);
        Assert.Equal(10, eth.MaxDrawdownPct, Tol);
        Assert.Equal(10, btc.BuyAndHoldReturnPct, Tol);
        Assert.Equal(0, result.Metrics.BuyAndHoldReturnPct, Tol);
        Assert.Equal(10000, result.Equity.Equity[2], Tol);
        Assert.Equal(100, result.Equity.ExposurePct[2], Tol);
    }

    [Fact]
    public void Cross_AllInOnTheFirstTicker_LeavesNothingForTheSecond()
    {
        var result = Run(BacktestMode.Cross, OrderSize.Weight(1));

        // One account: BTC's Weight(1) takes all 10000; ETH's order cannot be funded and is rejected, not dropped.
        var trade = Assert.Single(result.Trades);
        Assert.Equal((Specs.Btc, 100.0), (trade.Ticker, trade.Quantity));
        var rejected = Assert.Single(result.RejectedOrders);
        Assert.Equal((Specs.Eth, RejectReason.InsufficientFunds), (rejected.Ticker, rejected.Reason));
        Assert.Equal(1, result.Tickers[1].RejectedOrders);
        Assert.Equal(11000, result.Metrics.FinalEquity, Tol);
        Assert.Equal(10, result.Tickers[0].ReturnPct, Tol);
        Assert.True(double.IsNaN(result.Tickers[0].MaxDrawdownPct));
    }

    [Fact]
    public void Cross_HalfEach_MatchesIsolated()
    {
        var cross = Run(BacktestMode.Cross, OrderSize.Weight(0.5));
        var isolated = Run(BacktestMode.Isolated, OrderSize.Weight(1));

        Assert.Equal(isolated.Metrics.FinalEquity, cross.Metrics.FinalEquity, Tol);
        Assert.Equal(isolated.Equity.Equity, cross.Equity.Equity);
        Assert.Equal(-500, cross.Tickers[1].Pnl, Tol);
        Assert.Equal(-5, cross.Tickers[1].ReturnPct, Tol);
    }

    [Fact]
    public void Cross_RotationInOneBar_SalesFundThePurchaseDespiteFees()
    {
        var rotate = ScriptedProgram.At(
            BtcBars,
            (0, Long(OrderSize.Weight(1))),
            (1, SignalIntent.Exit(Specs.Btc)),
            (1, SignalIntent.Entry(Specs.Eth, PositionSide.Long, OrderSize.Weight(1))));
        var legs = new[] { new BacktestLeg(Specs.Spot(Specs.Btc), BtcBars, rotate), new BacktestLeg(Specs.Spot(Specs.Eth), EthBars) };
        var options = new BacktestOptions { Mode = BacktestMode.Cross, TradingFee = 0.001, Slippage = 0.001 };

        var result = BacktestEngine.Run(new BacktestRequest(legs, Timeframe.H1, options));

        Assert.Empty(result.RejectedOrders);
        Assert.Equal(2, result.Trades.Count);
        Assert.Equal((Specs.Btc, ExitReason.Signal, 2), (result.Trades[0].Ticker, result.Trades[0].ExitReason, result.Trades[0].ExitBar));
        var eth = result.Trades[1];
        Assert.Equal((Specs.Eth, 2), (eth.Ticker, eth.EntryBar));
        // All the cash left after the BTC sale goes into ETH.
        Assert.True(result.Equity.Cash[2] >= 0);
        Assert.True(result.Equity.Cash[2] < 0.1);
    }

    [Fact]
    public void Cross_MisalignedBars_FillOnTheTradedTickersNextBarAndMarkAtItsLastClose()
    {
        var btc = Bars.Hourly((100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 100, 100));
        // ETH trades only every other hour.
        var eth = Bars.Build(Bars.T0, 2 * Bars.Hour, [(50, 50, 50, 50), (60, 60, 60, 60)]);
        var program = ScriptedProgram.At(btc, (0, SignalIntent.Entry(Specs.Eth, PositionSide.Long, OrderSize.Quantity(10))));
        var legs = new[] { new BacktestLeg(Specs.Spot(Specs.Btc), btc, program), new BacktestLeg(Specs.Spot(Specs.Eth), eth) };

        var result = BacktestEngine.Run(new BacktestRequest(legs, Timeframe.H1, Frictionless with { Mode = BacktestMode.Cross }));

        var trade = Assert.Single(result.Trades);
        // Signalled at 00:00's close; ETH has no 01:00 bar, so the order fills at its 02:00 open.
        Assert.Equal(Bars.T0 + (2 * Bars.Hour), trade.EntryTime);
        Assert.Equal(60, trade.EntryPrice);
        Assert.Equal(4, result.Equity.Count);
        // At 03:00 ETH has no bar: it is marked at its 02:00 close.
        Assert.Equal(10000, result.Equity.Equity[3], Tol);
    }

    [Fact]
    public void Isolated_DifferentTimelines_AreSummedOnTheUnionOfBarTimes()
    {
        var late = Bars.Build(Bars.T0 + (2 * Bars.Hour), Bars.Hour, [(100, 100, 100, 100), (100, 100, 100, 100), (120, 120, 120, 120), (120, 120, 120, 120)]);
        var legs = new[]
        {
            new BacktestLeg(Specs.Spot(Specs.Btc), BtcBars, ScriptedProgram.At(BtcBars, (0, Long(OrderSize.Weight(1))))),
            new BacktestLeg(Specs.Spot(Specs.Eth), late, ScriptedProgram.At(late, (0, Long(OrderSize.Weight(1))))),
        };

        var result = BacktestEngine.Run(new BacktestRequest(legs, Timeframe.H1, Frictionless));

        Assert.Equal(6, result.Equity.Count);
        // 02:00: BTC 50 units at 110 = 5500, ETH's account still 5000 in cash.
        Assert.Equal(10500, result.Equity.Equity[2], Tol);
        // 05:00: BTC's account ended at 5500 (its last value), ETH 50 units at 120 = 6000.
        Assert.Equal(11500, result.Equity.Equity[5], Tol);
        Assert.Equal(result.Trades.Select(t => t.ExitTime).Order(), result.Trades.Select(t => t.ExitTime));
    }
}
