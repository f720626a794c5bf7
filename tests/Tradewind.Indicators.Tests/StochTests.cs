using Tradewind.Indicators.Momentum;
using Tradewind.Indicators.Overlap;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class StochTests
{
    [Fact]
    public void Compute_FlatRange_ReturnsZeroLikeTaLib()
    {
        // Highest high = lowest low: TA-Lib writes 0 rather than dividing by a zero range.
        var flat = Enumerable.Repeat(7.0, 20).ToArray();
        var k = new double[flat.Length];
        var d = new double[flat.Length];
        Stoch.Compute(flat, flat, flat, 5, 3, MaType.Sma, 3, MaType.Sma, k, d);
        Assert.Equal(0.0, k[8]);
        Assert.Equal(0.0, d[^1]);
        StochF.Compute(flat, flat, flat, 5, 3, MaType.Sma, k, d);
        Assert.Equal(0.0, k[6]);
        Assert.Equal(0.0, d[^1]);
    }

    [Fact]
    public void Compute_CloseAtHighestHigh_Returns100()
    {
        double[] high = [10, 11, 12, 13, 14];
        double[] low = [9, 10, 11, 12, 13];
        var k = new double[high.Length];
        var d = new double[high.Length];
        StochF.Compute(high, low, high, 3, 1, MaType.Sma, k, d);
        Assert.True(double.IsNaN(k[1]));
        Assert.Equal(100.0, k[2]);
        Assert.Equal(k[4], d[4]);
    }

    [Fact]
    public void Lookback_Stoch14_3_3_FirstValueAt17()
    {
        var stoch = IndicatorRegistry.Default.Get("stoch");
        Assert.Equal(17, stoch.LookbackFor([14, 3, 0, 3, 0]));
        Assert.Equal(8, stoch.LookbackFor(stoch.DefaultParameters()));
    }

    [Theory]
    [InlineData("stoch", "ft-30m", new double[] { 14, 3, 0, 3, 0 })]
    [InlineData("stoch", "btc-1d", new double[] { 14, 5, 1, 4, 1 })]
    [InlineData("stoch", "spy-1d", new double[] { 9, 1, 0, 1, 0 })]
    [InlineData("stoch", "ft-30m", new double[] { 1, 2, 1, 3, 0 })]
    [InlineData("stochf", "btc-1d", new double[] { 14, 3, 1 })]
    [InlineData("stochf", "spy-1d", new double[] { 1, 1, 0 })]
    [InlineData("stochf", "ft-30m", new double[] { 50, 10, 0 })]
    public void Stream_NonDefaultParameters_EqualsBatchExactly(string indicator, string dataset, double[] parameters) =>
        StreamParity.AssertBitIdentical(indicator, parameters, dataset);
}
