using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Tests;

/// <summary>MAXINDEX/MININDEX/MINMAXINDEX report absolute bar indices with TA-Lib's tie rules.</summary>
public sealed class MaxIndexTests
{
    [Fact]
    public void Compute_Window_ReportsAbsoluteIndex()
    {
        double[] input = [1, 5, 2, 3, 4, 0, 1];
        var output = new double[input.Length];
        MaxIndex.Compute(input, 3, output);
        Assert.True(double.IsNaN(output[0]) && double.IsNaN(output[1]));
        Assert.Equal([1, 1, 4, 4, 4], output[2..]);
    }

    [Fact]
    public void Compute_Ties_NewestWinsUntilTheHighestLeaves()
    {
        // TA-Lib: a new value equal to the current highest takes over (>=); a rescan keeps the oldest of equals (>).
        // Expected values are TA-Lib's MAXINDEX output for these inputs.
        double[] input = [1, 2, 2, 2, 0];
        var output = new double[input.Length];
        MaxIndex.Compute(input, 3, output);
        Assert.Equal([1, 3, 3], output[2..]);

        double[] rescanned = [2, 2, 1, 2, 1, 1];
        output = new double[rescanned.Length];
        MaxIndex.Compute(rescanned, 3, output);
        Assert.Equal([0, 1, 3, 3], output[2..]);
    }

    [Fact]
    public void Stream_LeadingWarmUp_CountsFromFirstValidBar()
    {
        // Composition skips leading NaN bars, so indices count from the first bar with a value, in both forms.
        var definition = IndicatorRegistry.Default.Get("minmaxindex");
        double[] input = [double.NaN, double.NaN, 3, 1, 2, 5, 4];
        var min = new double[input.Length];
        var max = new double[input.Length];
        definition.Compute(new IndicatorInputs(input), [3], new IndicatorOutputs(min, max));
        Assert.Equal([1, 1, 2], min[4..]);
        Assert.Equal([0, 3, 3], max[4..]);

        var state = definition.CreateState([3]);
        Span<double> outputs = stackalloc double[2];
        for (var i = 0; i < input.Length; i++)
        {
            state.Update(0, [input[i]], outputs);
            Assert.Equal(BitConverter.DoubleToInt64Bits(min[i]), BitConverter.DoubleToInt64Bits(outputs[0]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(max[i]), BitConverter.DoubleToInt64Bits(outputs[1]));
        }
    }
}
