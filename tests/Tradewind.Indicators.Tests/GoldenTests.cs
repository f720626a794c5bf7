using System.Globalization;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>
/// Every golden file (TA-Lib, or the named reference for non-TA-Lib indicators) must be reproduced on real data:
/// NaN before the reference's first valid index, and each value within 1e-9 relative to the output's magnitude
/// (|actual - expected| &lt;= 1e-9 x max(|expected|, mean |expected| of that output)), so values that cross zero
/// (MACD histogram, momentum) are judged on the scale of the series rather than on a vanishing denominator.
/// </summary>
public sealed class GoldenTests
{
    private const double RelativeTolerance = 1e-9;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in GoldenFile.All())
        {
            data.Add(f);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Compute_RealData_MatchesReference(string file)
    {
        var golden = GoldenFile.Load(file);
        var definition = IndicatorRegistry.Default.Get(golden.Indicator);
        var data = Dataset.Load(golden.Dataset);
        Assert.Equal(golden.Bars, data.Length);
        Assert.Equal(definition.Outputs.Count, golden.Outputs.Length);

        var actual = IndicatorRunner.Batch(definition, data, golden.Params, golden.Inputs);
        for (var o = 0; o < golden.Outputs.Length; o++)
        {
            var expected = golden.Outputs[o];
            var output = definition.Outputs[o].Name;
            var scale = expected.Length == 0 ? 0 : expected.Average(Math.Abs);
            for (var i = 0; i < golden.FirstValidIndex && i < data.Length; i++)
            {
                Assert.True(double.IsNaN(actual[o][i]), $"{file} {output}[{i}] = {actual[o][i]} but the reference starts at {golden.FirstValidIndex}");
            }

            for (var k = 0; k < expected.Length; k++)
            {
                var i = golden.FirstValidIndex + k;
                var tolerance = RelativeTolerance * Math.Max(Math.Abs(expected[k]), scale);
                var diff = Math.Abs(actual[o][i] - expected[k]);
                Assert.True(
                    diff <= tolerance,
                    string.Create(CultureInfo.InvariantCulture, $"{file} {output}[{i}]: expected {expected[k]:R}, got {actual[o][i]:R} (diff {diff:E3} > {tolerance:E3})"));
            }
        }

        Assert.Equal(golden.FirstValidIndex, definition.LookbackFor(golden.Params));
    }
}
