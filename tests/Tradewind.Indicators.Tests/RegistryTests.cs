using Tradewind.Core;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class RegistryTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var d in IndicatorRegistry.Default.All)
        {
            data.Add(d.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Golden_EveryIndicator_HasAtLeastTwoDatasets(string indicator)
    {
        var datasets = GoldenFile.All()
            .Select(GoldenFile.Load)
            .Where(g => string.Equals(g.Indicator, indicator, StringComparison.OrdinalIgnoreCase))
            .Select(g => g.Dataset)
            .Distinct()
            .ToList();
        Assert.True(datasets.Count >= 2, $"{indicator} has golden files on {datasets.Count} dataset(s); every indicator needs at least two (one crypto intraday).");
        Assert.Contains("ft-30m", datasets);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Metadata_EveryIndicator_IsComplete(string indicator)
    {
        var d = IndicatorRegistry.Default.Get(indicator);
        Assert.Matches("^[a-z][a-z0-9_]*$", d.Name);
        Assert.NotEmpty(d.Inputs);
        Assert.NotEmpty(d.Outputs);
        Assert.False(string.IsNullOrWhiteSpace(d.Title));
        Assert.False(string.IsNullOrWhiteSpace(d.Description));
        Assert.True(d.TaLibFunction is not null || d.Reference is not null, $"{indicator} must name its reference (TA-Lib function or another).");
        foreach (var p in d.Parameters)
        {
            Assert.InRange(p.Default, p.Min, p.Max);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Compute_ParameterOutOfBounds_NamesParameterAndBounds(string indicator)
    {
        var d = IndicatorRegistry.Default.Get(indicator);
        if (d.Parameters.Count == 0)
        {
            return;
        }

        var parameters = d.DefaultParameters();
        parameters[0] = d.Parameters[0].Max + 1;
        var ex = Assert.Throws<TradewindException>(() => d.LookbackFor(parameters));
        Assert.Equal(ErrorCode.InvalidParameter, ex.Code);
        Assert.Contains(d.Parameters[0].Name, ex.Message, StringComparison.Ordinal);
        Assert.Contains("between", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_Misspelled_SuggestsClosest()
    {
        var ex = Assert.Throws<TradewindException>(() => IndicatorRegistry.Default.Get("emma"));
        Assert.Contains("'ema'", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_LeadingNaN_SkipsToFirstValidBar()
    {
        var sma = IndicatorRegistry.Default.Get("sma");
        double[] input = [double.NaN, double.NaN, 1, 2, 3, 4];
        var output = new double[input.Length];
        sma.Compute(new IndicatorInputs(input), [2], new IndicatorOutputs(output));
        Assert.True(double.IsNaN(output[2]));
        Assert.Equal(1.5, output[3]);
        Assert.Equal(3.5, output[5]);
    }
}
