using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;
using static Tradewind.Backtesting.Tests.Infrastructure.Backtest;

namespace Tradewind.Backtesting.Tests;

/// <summary>
/// Perpetuals: leverage on isolated margin, the liquidation price M + s*Q*(P - E) = mmr*Q*P, liquidation events, and
/// funding settled from the venue's series. Entries fill at bar 1's open of 100.
/// </summary>
public sealed class PerpetualTests
{
    private const double Tol = 1e-9;

    private static readonly InstrumentSpec Perp = Specs.Perp(Specs.BtcPerp);

    private static readonly BacktestOptions TenX = Frictionless with { Leverage = 10 };

    private static BacktestResult RunPerp(CandleSeries data, BacktestOptions options, IReadOnlyList<FundingRate>? funding, params (int Bar, SignalIntent Intent)[] script) =>
        Single(data, c => ScriptedProgram.At(c, script), options, Perp, funding);

    private static CandleSeries Path(params (double O, double H, double L, double C)[] after) =>
        Bars.Hourly([(100, 100, 100, 100), (100, 101, 99, 100), .. after]);

    [Fact]
    public void Run_Leverage_SizesWeightOnMarginAndShowsTheLiquidationPrice()
    {
        var result = RunPerp(Path((100, 101, 99, 100)), TenX with { EndOfData = EndOfDataPolicy.KeepOpen }, null, (0, Long(OrderSize.Weight(0.5))));

        // Half the equity as margin at 10x: 5000 / (100 / 10) = 500 units.
        var position = Assert.Single(result.OpenPositions);
        Assert.Equal(500, position.Quantity, Tol);
        // (Q*E - M) / (Q * (1 - 0.005)) = (50000 - 5000) / 497.5.
        Assert.Equal(90.45226130653266, position.LiquidationPrice, 1e-9);
        Assert.Equal(5000, result.Equity.Cash[^1], Tol);
        Assert.Equal(500, result.Equity.ExposurePct[^1], Tol);
    }

    [Fact]
    public void Run_LongBelowTheLiquidationPrice_IsLiquidatedAndLosesItsMargin()
    {
        var options = TenX with { TradingFee = 0.0005 };
        var result = RunPerp(Path((100, 100, 90, 95), (95, 95, 95, 95)), options, null, (0, Long(OrderSize.Weight(0.5))));

        // q = 5000 / (100 * (0.1 + 0.0005)) = 497.512 (lot 0.001); margin 4975.12, entry fee 24.8756.
        var trade = Assert.Single(result.Trades);
        Assert.Equal(ExitReason.Liquidation, trade.ExitReason);
        Assert.Equal(2, trade.ExitBar);
        Assert.Equal(90.45226130653266, trade.ExitPrice, 1e-9);
        Assert.Equal(-4975.12 - 24.8756, trade.Pnl, 1e-6);
        // What is left of the margin at the liquidation price (0.5% of the position's value) goes to the venue.
        Assert.Equal(24.8756 + (0.005 * 497.512 * 90.45226130653266), trade.Fees, 1e-6);
        var liquidation = Assert.Single(result.Liquidations);
        Assert.Equal((PositionSide.Long, 497.512, 100.0), (liquidation.Side, liquidation.Quantity, liquidation.EntryPrice));
        Assert.Equal(4975.12, liquidation.MarginLost, 1e-6);
        Assert.Equal(1, result.Metrics.Liquidations);
        Assert.Equal(10000 - 4975.12 - 24.8756, result.Metrics.FinalEquity, 1e-6);
    }

    [Fact]
    public void Run_ShortAboveTheLiquidationPrice_IsLiquidated()
    {
        var result = RunPerp(Path((100, 110, 99, 105)), TenX, null, (0, Short(OrderSize.Weight(0.5))));

        // (M + Q*E) / (Q * (1 + 0.005)) = 55000 / 502.5.
        var trade = Assert.Single(result.Trades);
        Assert.Equal(ExitReason.Liquidation, trade.ExitReason);
        Assert.Equal(109.45273631840797, trade.ExitPrice, 1e-9);
        Assert.Equal(-5000, trade.Pnl, 1e-6);
    }

    [Fact]
    public void Run_GapThroughTheLiquidationPrice_LossStaysCappedAtTheMargin()
    {
        var result = RunPerp(Path((85, 86, 84, 85)), TenX, null, (0, Long(OrderSize.Weight(0.5))));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(ExitReason.Liquidation, trade.ExitReason);
        Assert.Equal(90.45226130653266, trade.ExitPrice, 1e-9);
        Assert.Equal(-5000, trade.Pnl, 1e-6);
        Assert.Equal(5000, result.Metrics.FinalEquity, 1e-6);
    }

    [Fact]
    public void Run_StopAboveTheLiquidationPrice_StopsFirst()
    {
        var result = RunPerp(Path((100, 100, 90, 95)), TenX, null, (0, Long(OrderSize.Weight(0.5), stop: 5)));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal(95, trade.ExitPrice, Tol);
        Assert.Equal(-2500, trade.Pnl, Tol);
        Assert.Empty(result.Liquidations);
    }

    [Fact]
    public void Run_Funding_IsPaidAndReceivedOnThePositionAtEachFundingTime()
    {
        var data = Bars.Hourly((100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110), (120, 120, 120, 120), (120, 120, 120, 120));
        FundingRate[] funding =
        [
            new(Bars.T0 - (8 * Bars.Hour), 0.01),          // before the data: ignored
            new(Bars.T0, 0.01),                              // while flat: nothing to pay
            new(Bars.T0 + (2 * Bars.Hour), 0.001),          // long pays 10 * 110 * 0.001 = 1.1
            new(Bars.T0 + (3 * Bars.Hour) + 1, -0.0005),    // inside bar 3: long receives 10 * 120 * 0.0005 = 0.6
        ];

        var result = RunPerp(data, Frictionless, funding, (0, Long(OrderSize.Quantity(10))));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(0.5, trade.Funding, Tol);
        Assert.Equal((10 * 20) - 0.5, trade.Pnl, Tol);
        Assert.Equal(0.5, result.Metrics.FundingPaid, Tol);
        Assert.Equal(0.5, result.Tickers[0].FundingPaid, Tol);
        // Funding comes out of the position's margin: equity at bar 2 = 10 * 110 - 1.1 + 9000 cash.
        Assert.Equal(10000 + 100 - 1.1, result.Equity.Equity[2], Tol);
    }

    [Fact]
    public void Run_FundingOnAShort_IsReceivedWhenTheRateIsPositive()
    {
        var data = Bars.Hourly((100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110), (110, 110, 110, 110));
        var result = RunPerp(data, Frictionless, [new FundingRate(Bars.T0 + (2 * Bars.Hour), 0.001)], (0, Short(OrderSize.Quantity(10))));

        Assert.Equal(-1.1, Assert.Single(result.Trades).Funding, Tol);
        Assert.Equal(-1.1, result.Metrics.FundingPaid, Tol);
    }

    [Fact]
    public void Run_FundingPaid_LowersTheMarginAndRaisesTheLiquidationPrice()
    {
        var data = Path((100, 101, 99, 100));
        var result = RunPerp(data, TenX with { EndOfData = EndOfDataPolicy.KeepOpen }, [new FundingRate(Bars.T0 + (2 * Bars.Hour), 0.01)], (0, Long(OrderSize.Weight(0.5))));

        // 500 units * 100 * 1% = 500 paid out of the 5000 margin: (50000 - 4500) / 497.5.
        var position = Assert.Single(result.OpenPositions);
        Assert.Equal(500, position.Funding, Tol);
        Assert.Equal(91.4572864321608, position.LiquidationPrice, 1e-9);
    }

    [Fact]
    public void Run_SpotLeg_IgnoresFundingAndLeverage()
    {
        var data = Path((100, 100, 100, 100));
        var spot = new BacktestLeg(Specs.Spot(Specs.Btc), data, ScriptedProgram.At(data, (0, Long(OrderSize.Weight(1)))), [new FundingRate(Bars.T0 + (2 * Bars.Hour), 0.01)]);
        var perp = new BacktestLeg(Perp, data, ScriptedProgram.At(data, (0, Long(OrderSize.Weight(1)))));

        var result = BacktestEngine.Run(new BacktestRequest([spot, perp], Timeframe.H1, Frictionless with { Leverage = 5, EndOfData = EndOfDataPolicy.KeepOpen }));

        // Each account has 5000: spot buys 50 units; the perpetual at 5x buys 250.
        Assert.Equal(50, result.OpenPositions[0].Quantity, Tol);
        Assert.True(double.IsNaN(result.OpenPositions[0].LiquidationPrice));
        Assert.Equal(250, result.OpenPositions[1].Quantity, Tol);
        Assert.Equal(0, result.Metrics.FundingPaid);
    }

    [Fact]
    public void Run_RealXrpPerpetualWithItsFundingSeries_SettlesEveryEventInsideTheData()
    {
        var (candles, funding) = Fixtures.XrpPerpetual();
        var program = new Func<CandleSeries, ScriptedProgram>(c => ScriptedProgram.At(c, (0, Long(OrderSize.Weight(1)))));
        var result = Single(candles, program, BacktestOptions.Default with { Leverage = 3 }, Specs.Perp(new Ticker(ExchangeId.BinanceFuturesUsd, "XRP", "USDT")), funding);

        // The position is held from bar 1 to the end; every funding event from bar 1's open on is settled once.
        var first = candles.Time[1];
        var last = candles.Time[^1] + Bars.Hour;
        var events = funding.Count(f => f.Time >= first && f.Time < last);
        Assert.True(events >= 3);
        var trade = Assert.Single(result.Trades);
        Assert.NotEqual(0, trade.Funding);
        Assert.Equal(result.Metrics.FundingPaid, trade.Funding, 1e-9);
        Assert.Equal(10000 + trade.Pnl, result.Metrics.FinalEquity, 1e-6);
    }
}
