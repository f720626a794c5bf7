using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class UltimateOscillatorTests
{
    [Fact]
    public void UltOsc_FlatStart_ZeroRangeWindowsContributeNothing() =>
        FlatStartBars.AssertMatchesTaLib("ultosc", [2, 3, 4], 4, [0, 0, 80.00000000000018, 59.25925925925951, 51.465201465201694, 38.59784283513106, 61.17394936616901, 68.06617012566659, 38.2346727510882, 17.358173577007957, 42.86848172552401, 75.36395354394693, 70.48115079365068, 64.6825396825396, 70.85343228200381, 57.780964497382556]);

    [Fact]
    public void Compute_PeriodsInAnyOrder_IdenticalOutput()
    {
        var definition = IndicatorRegistry.Default.Get("ultosc");
        var data = Dataset.Load("ft-30m");
        var sorted = IndicatorRunner.Batch(definition, data, [7, 14, 28])[0];
        var shuffled = IndicatorRunner.Batch(definition, data, [28, 7, 14])[0];
        Assert.Equal(sorted, shuffled);
    }

    [Fact]
    public void Stream_UnsortedPeriods_EqualsBatchExactly() => StreamParity.AssertBitIdentical("ultosc", [20, 5, 10], "ft-30m");

    [Fact]
    public void Stream_AllPeriodsOne_EqualsBatchExactly() => StreamParity.AssertBitIdentical("ultosc", [1, 1, 1], "spy-1d");
}
