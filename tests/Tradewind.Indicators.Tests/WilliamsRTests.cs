namespace Tradewind.Indicators.Tests;

public sealed class WilliamsRTests
{
    [Fact]
    public void WillR_FlatWindow_Zero() =>
        FlatStartBars.AssertMatchesTaLib("willr", [3], 2, [0, 0, 0, 0, -19.99999999999981, -39.99999999999986, -25, -80, -6.666666666666762, -20.000000000000078, -43.99999999999977, -93.33333333333324, -59.99999999999983, -8.000000000000114, -23.333333333333428, -25, -36.66666666666648, -50]);

    [Fact]
    public void Get_WilliamsRAlias_ResolvesToWillr() =>
        Assert.Equal("willr", IndicatorRegistry.Default.Get("williams_r").Name);

    [Fact]
    public void Stream_Period5_EqualsBatchExactly() => StreamParity.AssertBitIdentical("willr", [5], "ft-30m");
}
