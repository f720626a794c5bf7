using Tradewind.Core;
using Tradewind.Signals.Runtime;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

public sealed class MissingDataTests
{
    [Fact]
    public async Task Evaluate_WarmUpBars_AreNa()
    {
        var values = await Dsl.SeriesAsync("sma(close, 5)", MarketData.BtcDaily);
        Assert.All(values[..4], v => Assert.True(double.IsNaN(v)));
        Assert.False(double.IsNaN(values[4]));
    }

    [Theory]
    [InlineData("sma(close, 5) > 0")]
    [InlineData("sma(close, 5) < 0")]
    [InlineData("sma(close, 5) >= 0")]
    [InlineData("sma(close, 5) <= 1e12")]
    [InlineData("sma(close, 5) == sma(close, 5)")]
    [InlineData("sma(close, 5) != 0")]
    public async Task Evaluate_ComparisonWithNa_IsFalse(string condition)
    {
        var values = await Dsl.SeriesAsync(condition, MarketData.BtcDaily);
        Assert.All(values[..4], v => Assert.Equal(0, v));
    }

    [Fact]
    public async Task Evaluate_ArithmeticWithNa_IsNa_AndNzReplacesIt()
    {
        var sum = await Dsl.SeriesAsync("sma(close, 5) + 1", MarketData.BtcDaily);
        var replaced = await Dsl.SeriesAsync("nz(sma(close, 5), -1)", MarketData.BtcDaily);
        var isNa = await Dsl.SeriesAsync("isna(sma(close, 5))", MarketData.BtcDaily);
        Assert.True(double.IsNaN(sum[3]));
        Assert.Equal(-1, replaced[3]);
        Assert.Equal(1, isNa[3]);
        Assert.Equal(0, isNa[4]);
    }

    [Fact]
    public async Task Evaluate_DivisionByZero_IsNa()
    {
        var values = await Dsl.SeriesAsync("close / (close - close)", MarketData.BtcDaily);
        Assert.All(values, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public async Task Program_NegatedWarmUpCondition_DoesNotFireDuringWarmUp()
    {
        // not (na > 0) is true, but nothing may fire before every indicator has a value.
        var program = await Dsl.PrepareAsync("emit_signal(not (sma(close, 50) > 1e12), exit())", MarketData.BtcDaily);
        var signals = program.EvaluateAll();
        Assert.Equal(49, program.FirstTradableBar);
        Assert.Equal(49, signals[0].Bar);
    }

    [Fact]
    public async Task Program_BarsSinceBeforeItsConditionHolds_IsNotWarmUp()
    {
        var program = await Dsl.PrepareAsync("emit_signal(isna(barssince(close > 1e9)) and close > 0, exit())", MarketData.BtcDaily.Slice(0, 20));
        Assert.Equal(0, program.FirstTradableBar);
        Assert.Equal(20, program.EvaluateAll().Count);
    }

    [Fact]
    public async Task Evaluate_EmaOf200On150Bars_IsTaOutOfRangeWithBarsNeeded()
    {
        var candles = MarketData.BtcDaily.Slice(0, 150);
        var error = await Assert.ThrowsAsync<TradewindException>(() => Dsl.SeriesAsync("ema(close, 200)[-1]", candles));
        Assert.Equal(ErrorCode.TaOutOfRange, error.Code);
        Assert.Equal(200, error.Details!["bars_needed"]);
        Assert.Equal(150, error.Details["bars_available"]);
        Assert.Equal(
            "'ema(close, 200)' (line 1, column 1) needs 200 bars of 1d data for BINANCE:BTC/USDT, but only 150 are available.",
            error.Message);
        Assert.Equal("Load at least 200 bars (an earlier start), or use shorter periods.", error.Suggestion);
    }

    [Theory]
    [InlineData("ema(close, 200)[-2]", 201)]
    [InlineData("sma(rsi(close, 14), 140)", 154)]
    [InlineData("highest(close, 151)", 151)]
    [InlineData("close[-151]", 151)]
    public async Task Evaluate_WindowLongerThanData_NamesTheBarsNeeded(string expression, int needed)
    {
        var error = await Assert.ThrowsAsync<TradewindException>(() => Dsl.SeriesAsync(expression, MarketData.BtcDaily.Slice(0, 150)));
        Assert.Equal(ErrorCode.TaOutOfRange, error.Code);
        Assert.Equal(needed, error.Details!["bars_needed"]);
    }

    [Fact]
    public async Task Prepare_ScriptNeedingMoreBarsThanGiven_IsTaOutOfRange()
    {
        var error = await Assert.ThrowsAsync<TradewindException>(() =>
            Dsl.PrepareAsync("emit_signal(crossover(ema(close, 200), close), exit())", MarketData.BtcDaily.Slice(0, 150)));
        Assert.Equal(ErrorCode.TaOutOfRange, error.Code);
    }

    [Fact]
    public async Task Evaluate_JustEnoughBars_HasOneValue()
    {
        var values = await Dsl.SeriesAsync("ema(close, 150)", MarketData.BtcDaily.Slice(0, 150));
        Assert.False(double.IsNaN(values[^1]));
        Assert.True(double.IsNaN(values[^2]));
    }

    [Fact]
    public async Task Evaluate_NoBars_IsDataUnavailable()
    {
        var error = await Assert.ThrowsAsync<TradewindException>(() => Dsl.SeriesAsync("close", CandleSeries.Empty));
        Assert.Equal(ErrorCode.DataUnavailable, error.Code);
    }
}
