namespace Tradewind.Indicators.Tests;

/// <summary>Aroon on repeated highs and lows: the latest of equal extremes counts, as in TA-Lib.</summary>
public sealed class AroonTests
{
    [Fact]
    public void Aroon_TiedExtremes_LatestBarCounts() =>
        FlatStartBars.AssertMatchesTaLib(
            "aroon",
            [3],
            3,
            [100, 100, 100, 100, 66.66666666666667, 33.333333333333336, 100, 66.66666666666667, 33.333333333333336, 0, 100, 100, 66.66666666666667, 33.333333333333336, 0, 100, 66.66666666666667],
            [100, 100, 100, 100, 100, 100, 66.66666666666667, 100, 100, 100, 66.66666666666667, 33.333333333333336, 0, 100, 100, 66.66666666666667, 33.333333333333336]);

    [Fact]
    public void AroonOsc_TiedExtremes_MatchesTaLib() =>
        FlatStartBars.AssertMatchesTaLib("aroonosc", [3], 3, [0, 0, 0, 0, 33.333333333333336, 66.66666666666667, -33.333333333333336, 33.333333333333336, 66.66666666666667, 100, -33.333333333333336, -66.66666666666667, -66.66666666666667, 66.66666666666667, 100, -33.333333333333336, -33.333333333333336]);

    [Theory]
    [InlineData("aroon")]
    [InlineData("aroonosc")]
    public void Stream_Period25_EqualsBatchExactly(string indicator) => StreamParity.AssertBitIdentical(indicator, [25], "ft-30m");
}
