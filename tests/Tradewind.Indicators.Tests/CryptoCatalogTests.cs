using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>
/// Properties every crypto/session indicator must have beyond its golden values and stream parity (ParityTests
/// checks that for every golden case): no output reads a later bar, and short inputs give only NaN.
/// </summary>
public sealed class CryptoCatalogTests
{
    private static IEnumerable<IndicatorDefinition> Crypto =>
        IndicatorRegistry.Default.All.Where(d => d.Group == IndicatorGroup.Crypto);

    public static TheoryData<string> Indicators()
    {
        var data = new TheoryData<string>();
        foreach (var d in Crypto)
        {
            data.Add(d.Name);
        }

        return data;
    }

    [Fact]
    public void Catalog_CryptoGroup_HasTheExpectedIndicators()
    {
        string[] expected =
        [
            "alma", "chandelier", "cmf", "donchian", "elder_ray", "heikin_ashi", "hma", "ichimoku", "keltner", "rma",
            "supertrend", "tsi", "vwap", "vwma", "zlema",
        ];
        Assert.Equal(expected, Crypto.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.All(Crypto, d => Assert.Null(d.TaLibFunction));
    }

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Compute_LaterBarsChanged_EarlierOutputsUnchanged(string indicator)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        var data = Dataset.Load("ft-30m");
        var parameters = definition.DefaultParameters();
        var original = IndicatorRunner.Inputs(definition, data);
        var full = IndicatorRunner.Batch(definition, original, data.Time, parameters);
        var lookback = definition.LookbackFor(parameters);
        foreach (var cut in new[] { lookback + 1, 700, 1500 })
        {
            // Every bar from `cut` on is replaced by a different, still plausible bar.
            var changed = original.Select(column => column.Select((v, i) => i < cut ? v : v * (1.5 + (0.01 * (i % 7)))).ToArray()).ToArray();
            var outputs = IndicatorRunner.Batch(definition, changed, data.Time, parameters);
            for (var o = 0; o < outputs.Length; o++)
            {
                for (var i = 0; i < cut; i++)
                {
                    Assert.True(
                        BitConverter.DoubleToInt64Bits(full[o][i]) == BitConverter.DoubleToInt64Bits(outputs[o][i]),
                        $"{indicator}.{definition.Outputs[o].Name}[{i}] changed when bars from {cut} on changed: it reads a later bar.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Compute_FewerBarsThanLookback_AllNaN(string indicator)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        var data = Dataset.Load("ft-30m");
        var parameters = definition.DefaultParameters();
        var lookback = definition.LookbackFor(parameters);
        var columns = IndicatorRunner.Inputs(definition, data).Select(c => c[..lookback]).ToArray();
        var outputs = IndicatorRunner.Batch(definition, columns, data.Time[..lookback], parameters);
        Assert.All(outputs, o => Assert.All(o, v => Assert.True(double.IsNaN(v))));
    }
}
