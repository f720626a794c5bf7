using Tradewind.Indicators.Momentum;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class RocTests
{
    [Fact]
    public void Compute_PastValueZero_ReturnsZeroLikeTaLib()
    {
        // TA-Lib guards the division: a zero value period bars ago gives 0 rather than an infinity or NaN.
        double[] input = [0, 5, 10, 0, 0];
        var output = new double[input.Length];

        Roc.Compute(input, 1, output);
        Assert.Equal([0.0, 100.0, -100.0, 0.0], output[1..]);
        Rocp.Compute(input, 1, output);
        Assert.Equal([0.0, 1.0, -1.0, 0.0], output[1..]);
        Rocr.Compute(input, 1, output);
        Assert.Equal([0.0, 2.0, 0.0, 0.0], output[1..]);
        Rocr100.Compute(input, 1, output);
        Assert.Equal([0.0, 200.0, 0.0, 0.0], output[1..]);
        Mom.Compute(input, 1, output);
        Assert.Equal([5.0, 5.0, -10.0, 0.0], output[1..]);
        Assert.True(double.IsNaN(output[0]));
    }

    [Theory]
    [InlineData("roc")]
    [InlineData("rocp")]
    [InlineData("rocr")]
    [InlineData("rocr100")]
    [InlineData("mom")]
    public void Lookback_PeriodOne_IsAllowedAsInTaLib(string indicator)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        Assert.Equal(1, definition.Parameters[0].Min);
        Assert.Equal(1, definition.LookbackFor([1]));
    }

    [Theory]
    [InlineData("mom", "ft-30m", new double[] { 1 })]
    [InlineData("roc", "btc-1d", new double[] { 1 })]
    [InlineData("rocp", "spy-1d", new double[] { 25 })]
    [InlineData("rocr", "ft-30m", new double[] { 3 })]
    [InlineData("rocr100", "btc-1d", new double[] { 50 })]
    public void Stream_NonDefaultParameters_EqualsBatchExactly(string indicator, string dataset, double[] parameters) =>
        StreamParity.AssertBitIdentical(indicator, parameters, dataset);
}
