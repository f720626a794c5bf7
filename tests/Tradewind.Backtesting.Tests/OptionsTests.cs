using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Backtesting.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Default_HasTheDocumentedValues()
    {
        var o = BacktestOptions.Default;
        Assert.Equal(10_000, o.InitialCash);
        Assert.Equal(0.0005, o.TradingFee);
        Assert.Equal(0.0005, o.Slippage);
        Assert.Equal(1, o.Leverage);
        Assert.Equal(BacktestMode.Isolated, o.Mode);
        Assert.Equal(FillTiming.NextOpen, o.Fill);
        Assert.Equal(EndOfDataPolicy.CloseAtLastClose, o.EndOfData);
        Assert.True(o.StartAtFirstTradableBar);
        Assert.Null(o.LotStep);
        Assert.Null(o.AnnualizationDays);
        o.Validate();
        BacktestOptions.BacktestingPy.Validate();
    }

    public static TheoryData<BacktestOptions, string, string> Invalid => new()
    {
        { new BacktestOptions { InitialCash = 0 }, "'initial_cash' = 0", "positive" },
        { new BacktestOptions { InitialCash = double.NaN }, "'initial_cash' = NaN", "positive" },
        { new BacktestOptions { TradingFee = -0.001 }, "'trading_fee' = -0.001", "between 0 and 0.1" },
        { new BacktestOptions { TradingFee = 0.5 }, "'trading_fee' = 0.5", "between 0 and 0.1" },
        { new BacktestOptions { Slippage = 0.2 }, "'slippage' = 0.2", "between 0 and 0.1" },
        { new BacktestOptions { Leverage = 0 }, "'leverage' = 0", "from 1 to 100" },
        { new BacktestOptions { Leverage = 101 }, "'leverage' = 101", "from 1 to 100" },
        { new BacktestOptions { Mode = (BacktestMode)7 }, "'mode' = 7", "isolated or cross" },
        { new BacktestOptions { Fill = (FillTiming)7 }, "'fill' = 7", "next-open or close" },
        { new BacktestOptions { EndOfData = (EndOfDataPolicy)7 }, "'end_of_data' = 7", "keep-open" },
        { new BacktestOptions { From = 2000, To = 1000 }, "'to' = 1970-01-01T00:00:01Z", "after 'from'" },
        { new BacktestOptions { LotStep = 0 }, "'lot_step' = 0", "positive" },
        { new BacktestOptions { RebalanceBand = 1 }, "'rebalance_band' = 1", "below 1" },
        { new BacktestOptions { MaintenanceMarginRate = 0.6 }, "'maintenance_margin_rate' = 0.6", "below 0.5" },
        { new BacktestOptions { Leverage = 50, MaintenanceMarginRate = 0.03 }, "'maintenance_margin_rate' = 0.03", "below 1/leverage = 0.02" },
        { new BacktestOptions { AnnualizationDays = 400 }, "'annualization_days' = 400", "from 1 to 366" },
        { new BacktestOptions { RiskFreeRate = -0.1 }, "'risk_free_rate' = -0.1", "below 1" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_OutOfRange_NamesTheFieldAndTheValidRange(BacktestOptions options, string field, string range)
    {
        var error = Assert.Throws<TradewindException>(options.Validate);

        Assert.Equal(ErrorCode.ValidationError, error.Code);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains(range, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Suggestion);
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsAllAtOnce()
    {
        var error = Assert.Throws<TradewindException>(new BacktestOptions { TradingFee = 1, Slippage = -1, Leverage = 0 }.Validate);

        Assert.StartsWith("3 invalid backtest options:", error.Message, StringComparison.Ordinal);
        Assert.Equal(["trading_fee", "slippage", "leverage"], error.Details!.Keys);
    }

    private static readonly CandleSeries Data = Bars.Flat(5, 100);

    private static TradewindException RunFails(BacktestRequest request) => Assert.Throws<TradewindException>(() => BacktestEngine.Run(request));

    private static BacktestLeg Leg(InstrumentSpec spec, CandleSeries? data = null)
    {
        data ??= Data;
        return new BacktestLeg(spec, data, ScriptedProgram.At(data));
    }

    [Fact]
    public void Run_LeverageOnSpotOnly_Explains()
    {
        var error = RunFails(new BacktestRequest([Leg(Specs.Spot(Specs.Btc))], Timeframe.H1, new BacktestOptions { Leverage = 5 }));

        Assert.Contains("'leverage' = 5 applies to perpetuals only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LeverageAboveTheInstrumentsMaximum_NamesIt()
    {
        var error = RunFails(new BacktestRequest([Leg(Specs.Perp(Specs.BtcPerp, maxLeverage: 20))], Timeframe.H1, new BacktestOptions { Leverage = 50 }));

        Assert.Equal("'leverage' = 50 exceeds the maximum of 20 for BINANCEFUTURESUSD:BTC/USDT:USDT.", error.Message);
        Assert.Equal("Use a leverage from 1 to 20.", error.Suggestion);
    }

    [Fact]
    public void Run_WindowWithoutBars_SaysWhatTheDataCovers()
    {
        var error = RunFails(new BacktestRequest([Leg(Specs.Spot(Specs.Btc))], Timeframe.H1, new BacktestOptions { From = Bars.T0 + Bars.Day }));

        Assert.Equal(ErrorCode.DataUnavailable, error.Code);
        Assert.Equal("No 1h bars of BINANCE:BTC/USDT from 2024-01-02T00:00:00Z to the end: its data covers 2024-01-01T00:00:00Z to 2024-01-01T04:00:00Z.", error.Message);
    }

    [Fact]
    public void Run_BadPrice_NamesTheBar()
    {
        var bad = Bars.Hourly((100, 100, 100, 100), (100, 100, 100, double.NaN));
        var error = RunFails(new BacktestRequest([Leg(Specs.Spot(Specs.Btc), bad)], Timeframe.H1, BacktestOptions.Default));

        Assert.Equal("BINANCE:BTC/USDT: the bar at 2024-01-01T01:00:00Z has open 100, high 100, low 100, close NaN.", error.Message);
    }

    [Fact]
    public void Run_WrongTimeframe_NamesTheBar()
    {
        var error = RunFails(new BacktestRequest([Leg(Specs.Spot(Specs.Btc))], Timeframe.D1, BacktestOptions.Default));

        Assert.Equal("BINANCE:BTC/USDT: the bar at 2024-01-01T01:00:00Z does not start on a 1d boundary.", error.Message);
    }

    [Fact]
    public void Run_ProgramOverOtherBars_IsRefused()
    {
        var leg = new BacktestLeg(Specs.Spot(Specs.Btc), Data, ScriptedProgram.At(Bars.Flat(4, 100)));
        var error = RunFails(new BacktestRequest([leg], Timeframe.H1, BacktestOptions.Default));

        Assert.Contains("the program was prepared over 4 bars that are not the 5 candles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DuplicateTicker_IsRefused()
    {
        var error = RunFails(new BacktestRequest([Leg(Specs.Spot(Specs.Btc)), Leg(Specs.Spot(Specs.Btc))], Timeframe.H1, BacktestOptions.Default));

        Assert.Equal("Ticker BINANCE:BTC/USDT appears twice in the universe.", error.Message);
    }

    [Fact]
    public void Run_NoProgram_IsRefused()
    {
        var error = RunFails(new BacktestRequest([new BacktestLeg(Specs.Spot(Specs.Btc), Data)], Timeframe.H1, BacktestOptions.Default));

        Assert.Equal("No ticker of the backtest has a program to run.", error.Message);
    }

    [Fact]
    public void Run_IsolatedScriptTradingAnotherTicker_SuggestsCrossMode()
    {
        var program = ScriptedProgram.At(Data, (0, SignalIntent.Entry(Specs.Eth, PositionSide.Long, OrderSize.Weight(1))));
        var legs = new[] { new BacktestLeg(Specs.Spot(Specs.Btc), Data, program), Leg(Specs.Spot(Specs.Eth)) };
        var error = RunFails(new BacktestRequest(legs, Timeframe.H1, BacktestOptions.Default));

        Assert.Equal("The program for BINANCE:BTC/USDT refers to BINANCE:ETH/USDT, which this isolated account does not trade (it trades BINANCE:BTC/USDT).", error.Message);
        Assert.Contains("use mode cross", error.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NegativeSize_IsRejectedAsInvalid()
    {
        var result = Backtest.Script(Data, BacktestOptions.Default, (0, Backtest.Long(OrderSize.Quantity(-1))));

        Assert.Equal(RejectReason.InvalidSize, Assert.Single(result.RejectedOrders).Reason);
    }

    [Fact]
    public void Run_Progress_RisesToOne()
    {
        var data = Bars.RandomWalk(200_000, 5, step: 60_000);
        var seen = new List<double>();
        var progress = new SynchronousProgress(seen);

        BacktestEngine.Run(new BacktestRequest([Leg(Specs.Spot(Specs.Btc), data)], Timeframe.M1, BacktestOptions.Default), progress);

        Assert.True(seen.Count >= 3);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(1, seen[^1]);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => BacktestEngine.Run(new BacktestRequest([Leg(Specs.Spot(Specs.Btc))], Timeframe.H1, BacktestOptions.Default), null, cancel.Token));
    }

    private sealed class SynchronousProgress(List<double> seen) : IProgress<double>
    {
        public void Report(double value) => seen.Add(value);
    }
}
