namespace Tradewind.Indicators.Tests;

/// <summary>The A/D line and its oscillator: zero-range bars add nothing; both EMAs start from the first A/D value.</summary>
public sealed class ChaikinOscillatorTests
{
    [Fact]
    public void Ad_ZeroRange_AddsNothing() =>
        FlatStartBars.AssertMatchesTaLib("ad", [], 0, [0, 0, 0, 0, 0, 0, 3.0000000000000187, 2.0000000000000426, 2.666666666666717, 0.6666666666667171, 2.2666666666667115, 1.7666666666667057, -0.7333333333332526, -5.866666666666559, -1.5333333333331876, 1.4000000000001305, 1.5333333333334562, 2.2000000000001227, 7.600000000000157, 5.600000000000168]);

    [Fact]
    public void Adosc_FlatStart_MatchesTaLib() =>
        FlatStartBars.AssertMatchesTaLib("adosc", [2, 4], 3, [0, 0, 0, 0.8000000000000049, 0.48000000000001064, 0.46577777777778917, -0.19460740740739868, 0.15187753086420153, 0.047340510288066406, -0.6528576965706339, -1.9876908410790861, -0.5690510234707884, 0.6486461018652995, 0.754768788657324, 0.7524994268182204, 1.991379040632216, 1.1747872192264275]);

    [Fact]
    public void Stream_FastAboveSlow_EqualsBatchExactly() => StreamParity.AssertBitIdentical("adosc", [12, 5], "btc-1d");
}
