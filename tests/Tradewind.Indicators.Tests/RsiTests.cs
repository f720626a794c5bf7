using Tradewind.Indicators.Momentum;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class RsiTests
{
    [Fact]
    public void Compute_FlatSeries_ReturnsZeroLikeTaLib()
    {
        // No gains and no losses: TA-Lib writes 0 (not 50, not NaN) for both RSI and CMO.
        var input = Enumerable.Repeat(42.5, 30).ToArray();
        var rsi = new double[input.Length];
        var cmo = new double[input.Length];
        Rsi.Compute(input, 14, rsi);
        Cmo.Compute(input, 14, cmo);
        for (var i = 14; i < input.Length; i++)
        {
            Assert.Equal(0.0, rsi[i]);
            Assert.Equal(0.0, cmo[i]);
        }
    }

    [Fact]
    public void Compute_OnlyRises_Returns100()
    {
        var input = Enumerable.Range(0, 30).Select(i => 100.0 + i).ToArray();
        var rsi = new double[input.Length];
        var cmo = new double[input.Length];
        Rsi.Compute(input, 5, rsi);
        Cmo.Compute(input, 5, cmo);
        Assert.True(double.IsNaN(rsi[4]));
        Assert.Equal(100.0, rsi[5]);
        Assert.Equal(100.0, cmo[5]);
        Assert.Equal(100.0, rsi[^1]);
    }

    [Fact]
    public void Compute_InputShorterThanLookback_AllNaN()
    {
        double[] input = [1, 2, 3, 2, 1];
        var output = new double[input.Length];
        Rsi.Compute(input, 5, output);
        Assert.All(output, v => Assert.True(double.IsNaN(v)));
    }

    [Theory]
    [InlineData("rsi", "ft-30m", new double[] { 2 })]
    [InlineData("rsi", "spy-1d", new double[] { 5 })]
    [InlineData("cmo", "btc-1d", new double[] { 9 })]
    [InlineData("stochrsi", "ft-30m", new double[] { 14, 14, 3, 1 })]
    [InlineData("stochrsi", "spy-1d", new double[] { 6, 3, 1, 0 })]
    [InlineData("stochrsi", "btc-1d", new double[] { 2, 1, 1, 0 })]
    public void Stream_NonDefaultParameters_EqualsBatchExactly(string indicator, string dataset, double[] parameters) =>
        StreamParity.AssertBitIdentical(indicator, parameters, dataset);
}
