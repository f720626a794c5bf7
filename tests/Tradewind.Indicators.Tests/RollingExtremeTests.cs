using Tradewind.Indicators.Statistics;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>
/// The rolling highest/lowest shared by MAX/MIN, AROON, WILLR, STOCH and the channels, on prices with many ties
/// (real data has few exact ties, and ties are where the rescan rule shows).
/// </summary>
public sealed class RollingExtremeTests
{
    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 5)]
    [InlineData(true, 5)]
    [InlineData(true, 14)]
    public void Next_TiedPrices_ValueIsWindowMaxAndIndexFollowsTieRule(bool rescanKeepsLatest, int period)
    {
        var ties = rescanKeepsLatest ? RescanTies.Latest : RescanTies.Earliest;
        var values = TiedSeries(2000, seed: period);
        var extreme = new RollingExtreme<HighestSide>(ties);
        var window = new SlidingWindow(period);
        var streamed = new RollingExtreme<HighestSide>(ties);
        for (var today = 0; today < values.Length; today++)
        {
            window.Add(values[today]);
            if (today < period - 1)
            {
                continue;
            }

            var slice = values.AsSpan(today - period + 1, period);
            var rescans = extreme.Index < today - period + 1;
            var value = extreme.Next(slice, today);
            Assert.Equal(Max(slice), value);
            Assert.InRange(extreme.Index, today - period + 1, today);
            Assert.Equal(value, values[extreme.Index]);

            // Between rescans a bar equal to the extreme takes it over; a rescan follows the tie rule.
            if (!rescans && values[today] == value)
            {
                Assert.Equal(today, extreme.Index);
            }

            Assert.Equal(value, streamed.Next(window));
            Assert.Equal(extreme.Index, streamed.Index);
        }
    }

    [Fact]
    public void Next_RescanOverTies_EarliestAndLatestKeepDifferentBars()
    {
        // Window of 3: the extreme 5 at bar 0 leaves at bar 3, and the rescan sees 4 at bars 1 and 2.
        double[] values = [5, 4, 4, 1];
        var earliest = new RollingExtreme<HighestSide>(RescanTies.Earliest);
        var latest = new RollingExtreme<HighestSide>(RescanTies.Latest);
        for (var today = 2; today < values.Length; today++)
        {
            earliest.Next(values.AsSpan(today - 2, 3), today);
            latest.Next(values.AsSpan(today - 2, 3), today);
        }

        Assert.Equal(1, earliest.Index);
        Assert.Equal(2, latest.Index);
        Assert.Equal(4, earliest.Value);
        Assert.Equal(4, latest.Value);
    }

    [Theory]
    [InlineData("maxindex", new double[] { 5 })]
    [InlineData("minmaxindex", new double[] { 7 })]
    [InlineData("aroon", new double[] { 5 })]
    [InlineData("aroonosc", new double[] { 9 })]
    [InlineData("willr", new double[] { 4 })]
    [InlineData("stochf", new double[] { 5, 3, 0 })]
    [InlineData("midprice", new double[] { 6 })]
    [InlineData("donchian", new double[] { 5 })]
    [InlineData("chandelier", new double[] { 5, 3 })]
    public void Stream_TiedPrices_EqualsBatchExactly(string indicator, double[] parameters)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        var close = TiedSeries(1500, seed: 7);
        var high = new double[close.Length];
        var low = new double[close.Length];
        for (var i = 0; i < close.Length; i++)
        {
            high[i] = close[i] + (i % 3 == 0 ? 1 : 0);
            low[i] = close[i] - (i % 4 == 0 ? 1 : 0);
        }

        var columns = new double[definition.Inputs.Count][];
        for (var k = 0; k < columns.Length; k++)
        {
            columns[k] = definition.Inputs[k].Kind switch
            {
                InputKind.High => high,
                InputKind.Low => low,
                _ => close,
            };
        }

        var time = new long[close.Length];
        var batch = IndicatorRunner.Batch(definition, columns, time, parameters);
        var stream = IndicatorRunner.Stream(definition, columns, time, parameters);
        StreamParity.AssertOutputsIdentical(definition, batch, stream, $"{indicator} on tied prices");
    }

    // Whole-number prices in a narrow band: most windows hold several equal extremes.
    private static double[] TiedSeries(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = 100 + random.Next(0, 6);
        }

        return values;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = values[0];
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
