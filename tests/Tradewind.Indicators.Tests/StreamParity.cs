using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>
/// ParityTests covers default parameters; this checks streaming against batch, bit for bit, for the parameters that
/// take other code paths (period 1, unsorted periods, fast above slow, large windows).
/// </summary>
internal static class StreamParity
{
    public static void AssertBitIdentical(string indicator, double[] parameters, string dataset)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        var data = Dataset.Load(dataset);
        var batch = IndicatorRunner.Batch(definition, data, parameters);
        var stream = IndicatorRunner.Stream(definition, data, parameters);
        var lookback = definition.LookbackFor(parameters);
        for (var o = 0; o < batch.Length; o++)
        {
            for (var i = 0; i < data.Length; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(batch[o][i]) == BitConverter.DoubleToInt64Bits(stream[o][i]),
                    $"{indicator}({string.Join(", ", parameters)}) {definition.Outputs[o].Name}[{i}] on {dataset}: batch {batch[o][i]:R}, stream {stream[o][i]:R}");
                Assert.Equal(i < lookback, double.IsNaN(batch[o][i]));
            }
        }
    }
}
