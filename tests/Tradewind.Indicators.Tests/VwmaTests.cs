using Tradewind.Indicators.Crypto;

namespace Tradewind.Indicators.Tests;

public sealed class VwmaTests
{
    [Fact]
    public void Compute_WindowWithoutVolume_IsNaNThenRestartsExactly()
    {
        double[] price = [10, 11, 12, 13, 14, 15, 16, 17, 18];
        double[] volume = [1, 2, 3, 0, 0, 0, 4, 5, 6];
        var output = new double[price.Length];
        Vwma.Compute(price, volume, 3, output);
        Assert.Equal(((10.0 * 1) + (11 * 2) + (12 * 3)) / 6, output[2], 1e-12);
        Assert.True(double.IsNaN(output[5]));
        Assert.Equal(16, output[6]);

        // Sums restart from exact zeros, so no rounding residue from the earlier bars is left in them.
        Assert.Equal(((16.0 * 4) + (17 * 5)) / 9, output[7]);

        var state = new VwmaState(3);
        for (var i = 0; i < price.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(output[i]), BitConverter.DoubleToInt64Bits(state.Update(price[i], volume[i])));
        }
    }
}
