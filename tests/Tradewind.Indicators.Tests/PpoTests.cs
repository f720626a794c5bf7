using Tradewind.Indicators.Momentum;
using Tradewind.Indicators.Overlap;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class PpoTests
{
    [Fact]
    public void Compute_SlowAverageZero_ReturnsZeroLikeTaLib()
    {
        double[] input = [0, 0, 0, 0, 0, 3, 3];
        var ppo = new double[input.Length];
        var apo = new double[input.Length];
        Ppo.Compute(input, 2, 4, MaType.Sma, ppo);
        Apo.Compute(input, 2, 4, MaType.Sma, apo);
        Assert.True(double.IsNaN(ppo[2]));
        Assert.Equal(0.0, ppo[3]);
        Assert.Equal(0.0, ppo[4]);
        Assert.Equal(1.5 - 0.75, apo[5]);
        Assert.Equal(100.0, ppo[6]);
    }

    [Fact]
    public void Compute_EmaType_DoesNotAlignSeedsUnlikeMacd()
    {
        // TA-Lib's APO starts both EMAs at the first bar; MACD aligns the fast seed to the slow one.
        var data = Dataset.Load("ft-30m");
        var apo = IndicatorRunner.Batch(IndicatorRegistry.Default.Get("apo"), data, [12, 26, 1]);
        var macd = IndicatorRunner.Batch(IndicatorRegistry.Default.Get("macd"), data, [12, 26, 9]);
        Assert.Equal(25, IndicatorRegistry.Default.Get("apo").LookbackFor([12, 26, 1]));
        Assert.NotEqual(apo[0][33], macd[0][33]);
        Assert.Equal(apo[0][1000], macd[0][1000], 1e-12);
    }

    [Theory]
    [InlineData("apo", "ft-30m", new double[] { 12, 26, 1 })]
    [InlineData("apo", "btc-1d", new double[] { 30, 7, 1 })]
    [InlineData("ppo", "spy-1d", new double[] { 12, 26, 1 })]
    [InlineData("ppo", "ft-30m", new double[] { 2, 5, 0 })]
    public void Stream_NonDefaultParameters_EqualsBatchExactly(string indicator, string dataset, double[] parameters) =>
        StreamParity.AssertBitIdentical(indicator, parameters, dataset);
}
