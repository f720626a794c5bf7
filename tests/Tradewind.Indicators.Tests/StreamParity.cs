using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>
/// Streaming equals batch, bit for bit. ParityTests runs it over every indicator's defaults and every golden case;
/// the per-indicator tests call it for the parameters that take other code paths (period 1, unsorted periods, fast
/// above slow, large windows).
/// </summary>
internal static class StreamParity
{
    /// <summary>The stream equals the batch on <paramref name="dataset"/>, and the batch is NaN exactly during the lookback.</summary>
    public static void AssertBitIdentical(string indicator, double[] parameters, string dataset)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        var data = Dataset.Load(dataset);
        var batch = IndicatorRunner.Batch(definition, data, parameters);
        var stream = IndicatorRunner.Stream(definition, data, parameters);
        var label = $"{indicator}({string.Join(", ", parameters)}) on {dataset}";
        AssertOutputsIdentical(definition, batch, stream, label);
        var lookback = definition.LookbackFor(parameters);
        for (var o = 0; o < batch.Length; o++)
        {
            for (var i = 0; i < data.Length; i++)
            {
                Assert.True(i < lookback == double.IsNaN(batch[o][i]), $"{label} {definition.Outputs[o].Name}[{i}]: NaN must mark exactly the {lookback}-bar lookback");
            }
        }
    }

    /// <summary>Every value of every output is bit-identical (any NaN equals any NaN); <paramref name="label"/> names the case.</summary>
    public static void AssertOutputsIdentical(IndicatorDefinition definition, double[][] batch, double[][] stream, string label)
    {
        for (var o = 0; o < batch.Length; o++)
        {
            for (var i = 0; i < batch[o].Length; i++)
            {
                var b = batch[o][i];
                var s = stream[o][i];
                Assert.True(
                    BitConverter.DoubleToInt64Bits(b) == BitConverter.DoubleToInt64Bits(s) || (double.IsNaN(b) && double.IsNaN(s)),
                    $"{label} {definition.Outputs[o].Name}[{i}]: batch {b:R}, stream {s:R}");
            }
        }
    }
}
