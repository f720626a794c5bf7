using Tradewind.Core;
using Tradewind.Server.Dashboard;

namespace Tradewind.Server.Tests;

public sealed class DashboardCandleThinningTests
{
    [Theory]
    [InlineData(0, 5000, 1)]
    [InlineData(5000, 5000, 1)]
    [InlineData(5001, 5000, 2)]
    [InlineData(8784, 5000, 2)]
    [InlineData(525_600, 5000, 106)]
    public void BarsPerPoint_Count_FewestMergesThatFit(int count, int max, int expected)
    {
        Assert.Equal(expected, CandleThinning.BarsPerPoint(count, max));
        Assert.True((count + expected - 1) / expected <= max);
    }

    [Fact]
    public void Merge_TenBarsByThree_FirstOpenHighestHighLowestLowLastClose()
    {
        var random = new Random(42);
        var n = 10;
        var time = new long[n];
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var close = new double[n];
        var volume = new double[n];
        for (var i = 0; i < n; i++)
        {
            time[i] = i * 3_600_000L;
            open[i] = 100 + random.NextDouble();
            close[i] = 100 + random.NextDouble();
            high[i] = Math.Max(open[i], close[i]) + random.NextDouble();
            low[i] = Math.Min(open[i], close[i]) - random.NextDouble();
        }

        var (t, o, h, l, c) = CandleThinning.Merge(new CandleSeries(time, open, high, low, close, volume), 3);

        Assert.Equal([0L, 3 * 3_600_000L, 6 * 3_600_000L, 9 * 3_600_000L], t);
        Assert.Equal([open[0], open[3], open[6], open[9]], o);
        Assert.Equal([high[..3].Max(), high[3..6].Max(), high[6..9].Max(), high[9]], h);
        Assert.Equal([low[..3].Min(), low[3..6].Min(), low[6..9].Min(), low[9]], l);
        Assert.Equal([close[2], close[5], close[8], close[9]], c);
    }

    [Fact]
    public void Merge_OneBarPerPoint_SameBars()
    {
        var series = new CandleSeries([1, 2], [1, 2], [3, 4], [0.5, 1], [2, 3], [10, 20]);

        var (t, o, h, l, c) = CandleThinning.Merge(series, 1);

        Assert.Equal(series.Time, t);
        Assert.Equal(series.Open, o);
        Assert.Equal(series.High, h);
        Assert.Equal(series.Low, l);
        Assert.Equal(series.Close, c);
    }
}
