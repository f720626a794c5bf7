using Tradewind.Core;
using Tradewind.Indicators.Overlap;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>MAVP with periods that change every bar, in both forms, and its parameter errors.</summary>
public sealed class MavpTests
{
    public static TheoryData<MaType> Types() =>
        [MaType.Sma, MaType.Ema, MaType.Wma, MaType.Dema, MaType.Tema, MaType.Trima, MaType.Kama, MaType.T3];

    [Theory]
    [MemberData(nameof(Types))]
    public void Stream_ChangingPeriods_EqualsBatchExactly(MaType type)
    {
        var data = Dataset.Load("ft-30m");
        var n = data.Length;
        var rng = new Random(20240601);
        var periods = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Fractions, out-of-range values and NaN exercise truncation and clamping.
            periods[i] = i % 97 == 0 ? double.NaN : (rng.NextDouble() * 30) - 2;
        }

        var batch = new double[n];
        Mavp.Compute(data.Close, periods, 3, 20, type, batch);
        var state = new MavpState(3, 20, type);
        var lookback = Mavp.Lookback(3, 20, type);
        for (var i = 0; i < n; i++)
        {
            var streamed = state.Update(data.Close[i], periods[i]);
            Assert.Equal(BitConverter.DoubleToInt64Bits(batch[i]), BitConverter.DoubleToInt64Bits(streamed));
            Assert.Equal(i < lookback, double.IsNaN(batch[i]));
        }
    }

    [Fact]
    public void Compute_ConstantPeriod_IsTheAverageStartedAtTheLookback()
    {
        // Every bar asks for period 5 while max is 12: TA-Lib seeds the EMA(5) so its first value lands on bar 11.
        var data = Dataset.Load("btc-1d");
        var periods = Enumerable.Repeat(5.0, data.Length).ToArray();
        var mavp = new double[data.Length];
        Mavp.Compute(data.Close, periods, 2, 12, MaType.Ema, mavp);
        var ema = new double[data.Length - 7];
        Ema.Compute(data.Close.AsSpan(7), 5, ema);
        for (var i = 11; i < data.Length; i++)
        {
            Assert.Equal(ema[i - 7], mavp[i]);
        }
    }

    [Fact]
    public void Lookback_MinAboveMax_NamesBothParameters()
    {
        var ex = Assert.Throws<TradewindException>(() => IndicatorRegistry.Default.Get("mavp").LookbackFor([20, 10, 0]));
        Assert.Equal(ErrorCode.InvalidParameter, ex.Code);
        Assert.Contains("min_period", ex.Message, StringComparison.Ordinal);
        Assert.Contains("max_period", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateState_TooManyPeriods_SuggestsBatch()
    {
        var ex = Assert.Throws<TradewindException>(() => IndicatorRegistry.Default.Get("mavp").CreateState([2, 5000, 0]));
        Assert.Equal(ErrorCode.InvalidParameter, ex.Code);
        Assert.Contains("batch", ex.Suggestion, StringComparison.Ordinal);
    }
}
