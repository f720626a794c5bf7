using Tradewind.Indicators.Crypto;

namespace Tradewind.Indicators.Tests;

public sealed class TsiTests
{
    [Fact]
    public void Compute_FlatThenRising_NaNWhileFlatThenOneHundred()
    {
        var source = new double[80];
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = i < 40 ? 5 : 5 + (i - 39);
        }

        var output = new double[source.Length];
        Tsi.Compute(source, 25, 13, output);
        Assert.True(double.IsNaN(output[37]));
        Assert.True(double.IsNaN(output[39]));

        // Once prices only rise, every change equals its absolute value: the index is exactly 100.
        Assert.Equal(100, output[79], 1e-12);
    }
}
