namespace Tradewind.Indicators.Tests;

/// <summary>
/// A 20-bar synthetic series for TA-Lib's zero and tie conventions: bars 0-5 are perfectly flat (o = h = l = c = 100,
/// volume 0.25), so true range, directional movement and money flow are all zero; later bars repeat highs and lows
/// (ties) and have zero-range-free moves. Expected arrays in the tests that use it are TA-Lib's own output for these
/// bars (talib@1.1.6, TA-Lib C 0.4, run with startIdx 0 and endIdx 19), pasted with full precision.
/// </summary>
internal static class FlatStartBars
{
    public static readonly double[] Open = [100, 100, 100, 100, 100, 100, 100.5, 101.2, 101.2, 100.4, 101.0, 102.3, 102.3, 101.1, 100.2, 100.9, 101.8, 101.8, 100.6, 101.4];

    public static readonly double[] High = [100, 100, 100, 100, 100, 100, 101.5, 102.0, 102.0, 101.0, 102.5, 103.0, 103.0, 101.5, 101.0, 102.0, 102.5, 102.5, 101.5, 102.0];

    public static readonly double[] Low = [100, 100, 100, 100, 100, 100, 100.0, 100.8, 100.8, 99.5, 100.5, 101.8, 101.8, 100.0, 99.5, 100.5, 101.0, 101.0, 99.5, 100.8];

    public static readonly double[] Close = [100, 100, 100, 100, 100, 100, 101.2, 101.2, 101.5, 100.0, 102.3, 102.3, 101.9, 100.2, 100.9, 101.8, 101.8, 102.0, 101.4, 101.0];

    public static readonly double[] Volume = [0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 5, 3, 4, 6, 2, 3, 3, 7, 5, 4, 2, 2, 6, 3];

    /// <summary>
    /// Runs <paramref name="indicator"/> over the bars in batch and streaming form and checks both against TA-Lib's
    /// values exactly: NaN before <paramref name="firstValid"/>, then <paramref name="expected"/> (one array per
    /// output). Also checks that a series one bar shorter than needed yields only NaN.
    /// </summary>
    public static void AssertMatchesTaLib(string indicator, double[] parameters, int firstValid, params double[][] expected)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        Assert.Equal(firstValid, definition.LookbackFor(parameters));
        Assert.Equal(expected.Length, definition.Outputs.Count);
        var columns = Columns(definition);

        var batch = Batch(definition, columns, parameters, Close.Length);
        var stream = Stream(definition, columns, parameters);
        for (var o = 0; o < expected.Length; o++)
        {
            Assert.Equal(Close.Length - firstValid, expected[o].Length);
            for (var i = 0; i < Close.Length; i++)
            {
                var want = i < firstValid ? double.NaN : expected[o][i - firstValid];
                Assert.True(SameValue(want, batch[o][i]), $"{indicator} {definition.Outputs[o].Name}[{i}] batch: expected {want:R}, got {batch[o][i]:R}");
                Assert.True(SameValue(want, stream[o][i]), $"{indicator} {definition.Outputs[o].Name}[{i}] stream: expected {want:R}, got {stream[o][i]:R}");
            }
        }

        var tooShort = Batch(definition, columns, parameters, firstValid);
        foreach (var output in tooShort)
        {
            Assert.All(output, v => Assert.True(double.IsNaN(v)));
        }
    }

    private static bool SameValue(double expected, double actual) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : expected == actual;

    private static double[][] Columns(IndicatorDefinition definition)
    {
        var columns = new double[definition.Inputs.Count][];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = definition.Inputs[i].Kind switch
            {
                InputKind.Open => Open,
                InputKind.High => High,
                InputKind.Low => Low,
                InputKind.Volume => Volume,
                _ => Close,
            };
        }

        return columns;
    }

    private static double[][] Batch(IndicatorDefinition definition, double[][] columns, double[] parameters, int bars)
    {
        var outputs = new double[definition.Outputs.Count][];
        for (var o = 0; o < outputs.Length; o++)
        {
            outputs[o] = new double[bars];
        }

        ReadOnlySpan<double> Column(int k) => k < columns.Length ? columns[k].AsSpan(0, bars) : default;
        Span<double> Output(int k) => k < outputs.Length ? outputs[k] : default;
        definition.Compute(
            new IndicatorInputs(Column(0), Column(1), Column(2), Column(3), Column(4)),
            parameters,
            new IndicatorOutputs(Output(0), Output(1), Output(2), Output(3), Output(4)));
        return outputs;
    }

    private static double[][] Stream(IndicatorDefinition definition, double[][] columns, double[] parameters)
    {
        var outputs = new double[definition.Outputs.Count][];
        for (var o = 0; o < outputs.Length; o++)
        {
            outputs[o] = new double[Close.Length];
        }

        var state = definition.CreateState(parameters);
        var bar = new double[columns.Length];
        var result = new double[outputs.Length];
        for (var i = 0; i < Close.Length; i++)
        {
            for (var k = 0; k < columns.Length; k++)
            {
                bar[k] = columns[k][i];
            }

            state.Update(i, bar, result);
            for (var o = 0; o < outputs.Length; o++)
            {
                outputs[o][i] = result[o];
            }
        }

        return outputs;
    }
}
