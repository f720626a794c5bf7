using Tradewind.Indicators.Cycle;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>Behaviour of the Hilbert-transform family beyond the golden files: what the numbers mean, and edges.</summary>
public sealed class HtDcPeriodTests
{
    private static readonly string[] HilbertFamily = ["ht_dcperiod", "ht_dcphase", "ht_phasor", "ht_sine", "ht_trendmode", "ht_trendline", "mama"];

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(35)]
    public void Compute_SineWave_RecoversItsPeriod(int period)
    {
        var input = new double[400];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = 100 + (5 * Math.Sin(2 * Math.PI * i / period));
        }

        var output = new double[input.Length];
        HtDcPeriod.Compute(input, output);

        // TA-Lib gives period ± 0.11 here once the smoothing has settled.
        for (var i = 200; i < input.Length; i++)
        {
            Assert.InRange(output[i], period - 0.5, period + 0.5);
        }
    }

    [Fact]
    public void Compute_SteadyRamp_IsTrendMode()
    {
        var input = new double[400];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = 100 + (0.5 * i);
        }

        var output = new double[input.Length];
        HtTrendMode.Compute(input, output);
        for (var i = 300; i < input.Length; i++)
        {
            Assert.Equal(1.0, output[i]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(32)]
    [InlineData(63)]
    public void Compute_InputNoLongerThanLookback_AllNaN(int length)
    {
        var input = new double[length];
        for (var i = 0; i < length; i++)
        {
            input[i] = 100 + i;
        }

        foreach (var name in HilbertFamily)
        {
            var definition = IndicatorRegistry.Default.Get(name);
            var parameters = definition.DefaultParameters();
            if (length > definition.LookbackFor(parameters))
            {
                continue;
            }

            var outputs = new double[definition.Outputs.Count][];
            for (var o = 0; o < outputs.Length; o++)
            {
                outputs[o] = new double[length];
            }

            definition.Compute(
                new IndicatorInputs(input),
                parameters,
                new IndicatorOutputs(outputs[0], outputs.Length > 1 ? outputs[1] : default));
            foreach (var output in outputs)
            {
                Assert.All(output, v => Assert.True(double.IsNaN(v), $"{name} must be NaN on {length} bars"));
            }
        }
    }

    [Fact]
    public void Compute_MamaWithoutFama_EqualsMamaOutput()
    {
        var input = Dataset.Load("ft-30m").Close;
        var mama = new double[input.Length];
        var fama = new double[input.Length];
        var alone = new double[input.Length];
        Mama.Compute(input, Mama.DefaultFastLimit, Mama.DefaultSlowLimit, mama, fama);
        Mama.Compute(input, Mama.DefaultFastLimit, Mama.DefaultSlowLimit, alone, default);
        Assert.Equal(mama, alone);
    }

    [Fact]
    public void Lookback_HilbertFamily_IsTaLibs()
    {
        Assert.Equal(32, HtDcPeriod.Lookback());
        Assert.Equal(32, HtPhasor.Lookback());
        Assert.Equal(32, Mama.Lookback());
        Assert.Equal(63, HtDcPhase.Lookback());
        Assert.Equal(63, HtSine.Lookback());
        Assert.Equal(63, HtTrendline.Lookback());
        Assert.Equal(63, HtTrendMode.Lookback());
    }

    [Fact]
    public void Registry_TrendlineAndMama_AreOverlapGroup()
    {
        Assert.Equal(IndicatorGroup.Overlap, IndicatorRegistry.Default.Get("ht_trendline").Group);
        Assert.Equal(IndicatorGroup.Overlap, IndicatorRegistry.Default.Get("mama").Group);
        Assert.Equal(IndicatorGroup.Cycle, IndicatorRegistry.Default.Get("ht_dcperiod").Group);
    }

    [Fact]
    public void Compute_MamaSlowLimitAboveRange_ThrowsNamingParameter()
    {
        var mama = IndicatorRegistry.Default.Get("mama");
        var ex = Assert.Throws<Core.TradewindException>(() => mama.LookbackFor([0.5, 1.5]));
        Assert.Contains("slow_limit", ex.Message, StringComparison.Ordinal);
    }
}
