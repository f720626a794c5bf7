using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>SAREXT's sign convention and its non-default paths (fixed start, offset, asymmetric factors) in streaming form.</summary>
public sealed class SarExtTests
{
    public static TheoryData<double[]> ParameterSets() =>
    [
        [0, 0.01, 0.01, 0.02, 0.25, 0.03, 0.015, 0.3],
        [0.01, 0, 0.02, 0.02, 0.2, 0.02, 0.02, 0.2],
        [-1_000_000, 0.002, 0.5, 0.4, 0.3, 0.02, 0.02, 0.2],
    ];

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Stream_NonDefaultParameters_EqualsBatchExactly(double[] parameters)
    {
        var definition = IndicatorRegistry.Default.Get("sarext");
        foreach (var id in Dataset.Ids)
        {
            var data = Dataset.Load(id);
            var batch = IndicatorRunner.Batch(definition, data, parameters)[0];
            var stream = IndicatorRunner.Stream(definition, data, parameters)[0];
            for (var i = 0; i < data.Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(batch[i]), BitConverter.DoubleToInt64Bits(stream[i]));
            }
        }
    }

    [Fact]
    public void Compute_DefaultParameters_IsSarNegatedWhileShort()
    {
        var data = Dataset.Load("btc-1d");
        var sarext = IndicatorRunner.Batch(IndicatorRegistry.Default.Get("sarext"), data, IndicatorRegistry.Default.Get("sarext").DefaultParameters())[0];
        var sar = IndicatorRunner.Batch(IndicatorRegistry.Default.Get("sar"), data, [0.02, 0.2])[0];
        var shortBars = 0;
        for (var i = 1; i < data.Length; i++)
        {
            Assert.Equal(sar[i], Math.Abs(sarext[i]));
            if (sarext[i] < 0)
            {
                // Short: the stop sits above the bar.
                Assert.True(sar[i] >= data.High[i]);
                shortBars++;
            }
        }

        Assert.InRange(shortBars, 1, data.Length - 2);
    }
}
