using Tradewind.Core;
using Tradewind.Indicators.Overlap;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>
/// The MA dispatcher for every type it offers. ParityTests only streams the default (SMA), so the other types'
/// streaming states are checked against their batch kernels here.
/// </summary>
public sealed class MovingAverageTests
{
    public static TheoryData<MaType, int> AvailableTypes()
    {
        var data = new TheoryData<MaType, int>();
        foreach (var type in new[] { MaType.Sma, MaType.Ema, MaType.Wma, MaType.Dema, MaType.Tema, MaType.Trima, MaType.Kama, MaType.T3 })
        {
            data.Add(type, 2);
            data.Add(type, 9);
            data.Add(type, 20);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AvailableTypes))]
    public void Stream_EveryType_EqualsBatchExactly(MaType type, int period)
    {
        var definition = IndicatorRegistry.Default.Get("ma");
        double[] parameters = [period, (int)type];
        foreach (var id in Dataset.Ids)
        {
            var data = Dataset.Load(id);
            var batch = IndicatorRunner.Batch(definition, data, parameters)[0];
            var stream = IndicatorRunner.Stream(definition, data, parameters)[0];
            var lookback = MovingAverage.Lookback(period, type);
            for (var i = 0; i < data.Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(batch[i]), BitConverter.DoubleToInt64Bits(stream[i]));
                Assert.Equal(i < lookback, double.IsNaN(batch[i]));
            }

            Assert.Equal(lookback + 1, definition.CreateState(parameters).WarmUpPeriod);
        }
    }

    [Fact]
    public void Compute_PeriodOne_CopiesInput()
    {
        double[] input = [3, 1, 4, 1, 5];
        var output = new double[input.Length];
        MovingAverage.Compute(input, 1, MaType.Kama, output);
        Assert.Equal(input, output);
        Assert.Equal(0, MovingAverage.Lookback(1, MaType.T3));
    }

    [Fact]
    public void Lookback_Mama_IgnoresPeriodLikeTaLib()
    {
        // TA-Lib's MA runs MAMA at its default limits whatever the period, so the lookback is MAMA's 32.
        Assert.Equal(32, IndicatorRegistry.Default.Get("ma").LookbackFor([30, (int)MaType.Mama]));
        Assert.Equal(32, IndicatorRegistry.Default.Get("ma").LookbackFor([200, (int)MaType.Mama]));
    }

    [Fact]
    public void Compute_ShorterThanLookback_AllNaN()
    {
        double[] input = [1, 2, 3, 4, 5];
        foreach (var type in new[] { MaType.Wma, MaType.Dema, MaType.Tema, MaType.Trima, MaType.Kama, MaType.T3 })
        {
            var output = new double[input.Length];
            MovingAverage.Compute(input, 5, type, output);
            Assert.All(type is MaType.Wma or MaType.Trima ? output[..4] : output, v => Assert.True(double.IsNaN(v)));
        }
    }

    [Fact]
    public void Get_Ma_IsTheGenericAverageAndDefaultsToSma()
    {
        var ma = IndicatorRegistry.Default.Get("ma");
        Assert.Equal("MA", ma.TaLibFunction);
        var data = Dataset.Load("ft-30m");
        var viaMa = IndicatorRunner.Batch(ma, data, ma.DefaultParameters())[0];
        var viaSma = IndicatorRunner.Batch(IndicatorRegistry.Default.Get("sma"), data, [30])[0];
        Assert.Equal(viaSma, viaMa);
    }
}
