namespace Tradewind.Indicators.Tests;

public sealed class MfiTests
{
    [Fact]
    public void Mfi_FlatStart_ZeroWithoutFlow() =>
        FlatStartBars.AssertMatchesTaLib("mfi", [3], 3, [0, 0, 0, 100, 100, 100, 54.14780529983215, 50.34152252947008, 45.93541035713215, 62.47553017944535, 23.304580982976244, 0, 25.169041169537437, 54.80988365119348, 100, 40.237154150197625, 45.624550467513785]);

    [Fact]
    public void Compute_TotalFlowBelowOne_ZeroAsTaLib()
    {
        // Rising typical prices, so all flow is positive, but price x volume sums to less than 1.0: TA-Lib's MFI
        // reports 0 there, not 100 (checked: talib@1.1.6 MFI(3) on these bars gives [0, 0] from index 3).
        double[] high = [1.0, 1.1, 1.2, 1.3, 1.4];
        double[] low = [0.9, 1.0, 1.1, 1.2, 1.3];
        double[] close = [1.0, 1.05, 1.15, 1.25, 1.35];
        double[] volume = [0.1, 0.1, 0.1, 0.1, 0.1];
        var output = new double[5];
        IndicatorRegistry.Default.Get("mfi").Compute(new IndicatorInputs(high, low, close, volume), [3], new IndicatorOutputs(output));
        Assert.Equal(0, output[3]);
        Assert.Equal(0, output[4]);
    }

    [Fact]
    public void Stream_Period5_EqualsBatchExactly() => StreamParity.AssertBitIdentical("mfi", [5], "spy-1d");
}
