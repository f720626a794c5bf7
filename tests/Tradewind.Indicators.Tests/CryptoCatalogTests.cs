using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>
/// Properties every crypto/session indicator must have beyond its golden values: no output reads a later bar, and
/// the streaming form equals the batch form for every parameter set that has golden files (not only the defaults).
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

    public static TheoryData<string> GoldenFiles()
    {
        var crypto = Crypto.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var file in GoldenFile.All())
        {
            if (crypto.Contains(GoldenFile.Load(file).Indicator))
            {
                data.Add(file);
            }
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
        var full = Run(definition, original, data.Time, parameters);
        var lookback = definition.LookbackFor(parameters);
        foreach (var cut in new[] { lookback + 1, 700, 1500 })
        {
            // Every bar from `cut` on is replaced by a different, still plausible bar.
            var changed = original.Select(column => column.Select((v, i) => i < cut ? v : v * (1.5 + (0.01 * (i % 7)))).ToArray()).ToArray();
            var outputs = Run(definition, changed, data.Time, parameters);
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
    [MemberData(nameof(GoldenFiles))]
    public void Stream_GoldenParameters_EqualsBatchExactly(string file)
    {
        var golden = GoldenFile.Load(file);
        var definition = IndicatorRegistry.Default.Get(golden.Indicator);
        var data = Dataset.Load(golden.Dataset);
        var batch = IndicatorRunner.Batch(definition, data, golden.Params, golden.Inputs);
        var stream = IndicatorRunner.Stream(definition, data, golden.Params, golden.Inputs);
        for (var o = 0; o < batch.Length; o++)
        {
            for (var i = 0; i < data.Length; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(batch[o][i]) == BitConverter.DoubleToInt64Bits(stream[o][i]),
                    $"{file} {definition.Outputs[o].Name}[{i}]: batch {batch[o][i]:R}, stream {stream[o][i]:R}");
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
        var outputs = Run(definition, columns, data.Time[..lookback], parameters);
        Assert.All(outputs, o => Assert.All(o, v => Assert.True(double.IsNaN(v))));
    }

    private static double[][] Run(IndicatorDefinition definition, double[][] columns, long[] time, double[] parameters)
    {
        var length = time.Length;
        var outputs = new double[definition.Outputs.Count][];
        for (var o = 0; o < outputs.Length; o++)
        {
            outputs[o] = new double[length];
        }

        var inputs = new IndicatorInputs(
            columns[0],
            columns.Length > 1 ? columns[1] : default,
            columns.Length > 2 ? columns[2] : default,
            columns.Length > 3 ? columns[3] : default,
            columns.Length > 4 ? columns[4] : default,
            time);
        var result = new IndicatorOutputs(
            outputs[0],
            outputs.Length > 1 ? outputs[1] : default,
            outputs.Length > 2 ? outputs[2] : default,
            outputs.Length > 3 ? outputs[3] : default,
            outputs.Length > 4 ? outputs[4] : default);
        definition.Compute(inputs, parameters, result);
        return outputs;
    }
}
