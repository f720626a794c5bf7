using Tradewind.Indicators.Momentum;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class MacdTests
{
    [Fact]
    public void Compute_DefaultParameters_AllOutputsStartAt33()
    {
        var macd = IndicatorRegistry.Default.Get("macd");
        var data = Dataset.Load("ft-30m");
        var outputs = IndicatorRunner.Batch(macd, data, macd.DefaultParameters());
        foreach (var output in outputs)
        {
            Assert.True(double.IsNaN(output[32]));
            Assert.False(double.IsNaN(output[33]));
        }
    }

    [Fact]
    public void Compute_MacdExtWithEmaTypes_EqualsMacdExactly()
    {
        // MACDEXT starts its fast average where MACD aligns its fast EMA seed, so with EMA everywhere they agree.
        var data = Dataset.Load("btc-1d");
        var macd = IndicatorRunner.Batch(IndicatorRegistry.Default.Get("macd"), data, [12, 26, 9]);
        var macdExt = IndicatorRunner.Batch(IndicatorRegistry.Default.Get("macdext"), data, [12, 1, 26, 1, 9, 1]);
        for (var o = 0; o < 3; o++)
        {
            Assert.Equal(macd[o], macdExt[o]);
        }
    }

    [Fact]
    public void Compute_SlowShorterThanFast_SwapsLikeTaLib()
    {
        var data = Dataset.Load("ft-30m");
        var definition = IndicatorRegistry.Default.Get("macd");
        var normal = IndicatorRunner.Batch(definition, data, [12, 26, 9]);
        var swapped = IndicatorRunner.Batch(definition, data, [26, 12, 9]);
        Assert.Equal(normal[0], swapped[0]);
        Assert.Equal(33, definition.LookbackFor([26, 12, 9]));
    }

    [Theory]
    [InlineData("macd", new double[] { 12, 26, 1 }, 25)]
    [InlineData("macdfix", new double[] { 1 }, 25)]
    public void Compute_SignalPeriodOne_SignalIsMacdItself(string indicator, double[] parameters, int firstValid)
    {
        // TA-Lib declares signal period 1 valid but its EMA lookback rejects it and the output is misaligned;
        // Tradewind defines it as MA period 1 everywhere: the series itself.
        var definition = IndicatorRegistry.Default.Get(indicator);
        var data = Dataset.Load("ft-30m");
        var outputs = IndicatorRunner.Batch(definition, data, parameters);
        Assert.Equal(firstValid, definition.LookbackFor(parameters));
        Assert.True(double.IsNaN(outputs[0][firstValid - 1]));
        for (var i = firstValid; i < data.Length; i++)
        {
            Assert.Equal(outputs[0][i], outputs[1][i]);
            Assert.Equal(0.0, outputs[2][i]);
        }
    }

    [Theory]
    [InlineData("macd", "ft-30m", new double[] { 26, 12, 9 })]
    [InlineData("macd", "btc-1d", new double[] { 12, 26, 1 })]
    [InlineData("macd", "spy-1d", new double[] { 2, 2, 2 })]
    [InlineData("macdfix", "ft-30m", new double[] { 1 })]
    [InlineData("macdfix", "btc-1d", new double[] { 5 })]
    [InlineData("macdext", "ft-30m", new double[] { 12, 1, 26, 1, 9, 1 })]
    [InlineData("macdext", "btc-1d", new double[] { 5, 1, 20, 0, 9, 1 })]
    [InlineData("macdext", "spy-1d", new double[] { 30, 0, 10, 1, 4, 0 })]
    [InlineData("macdext", "ft-30m", new double[] { 8, 0, 21, 1, 1, 1 })]
    public void Stream_NonDefaultParameters_EqualsBatchExactly(string indicator, string dataset, double[] parameters) =>
        StreamParity.AssertBitIdentical(indicator, parameters, dataset);
}
