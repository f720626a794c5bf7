using Tradewind.Indicators.Crypto;

namespace Tradewind.Indicators.Tests;

public sealed class CmfTests
{
    [Fact]
    public void Compute_FlatBarsAndMissingVolume_FollowTheDefinition()
    {
        double[] high = [10, 10, 12, 12, 12, 12];
        double[] low = [8, 10, 10, 10, 10, 10];
        double[] close = [10, 10, 10, 12, 11, 11];
        double[] volume = [100, 50, 0, 0, 10, 30];
        var output = new double[high.Length];
        Cmf.Compute(high, low, close, volume, 2, output);

        // Bar 0 closes at its high (+1); bar 1 is flat (multiplier 0) so only its volume counts.
        Assert.Equal(100.0 / 150, output[1], 1e-15);
        Assert.Equal(0, output[2]);
        Assert.True(double.IsNaN(output[3]));
        Assert.Equal(0, output[4]);
        Assert.Equal(1.0, Cmf.Multiplier(12, 10, 12));
        Assert.Equal(-1.0, Cmf.Multiplier(12, 10, 10));
    }
}
