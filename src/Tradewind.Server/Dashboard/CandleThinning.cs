using Tradewind.Core;

namespace Tradewind.Server.Dashboard;

/// <summary>Merges consecutive bars so a long period fits the price chart without losing its highs and lows.</summary>
internal static class CandleThinning
{
    /// <summary>How many consecutive bars to merge so that <paramref name="count"/> bars become at most <paramref name="maxBars"/>.</summary>
    public static int BarsPerPoint(int count, int maxBars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBars, 1);
        return count <= maxBars ? 1 : (count + maxBars - 1) / maxBars;
    }

    /// <summary>
    /// Groups of <paramref name="barsPerPoint"/> bars, each stamped with its first bar's time: first open, highest
    /// high, lowest low, last close. The last group may be shorter.
    /// </summary>
    public static (long[] Time, double[] Open, double[] High, double[] Low, double[] Close) Merge(CandleSeries bars, int barsPerPoint)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(barsPerPoint, 1);
        var n = bars.Count;
        var points = (n + barsPerPoint - 1) / barsPerPoint;
        var time = new long[points];
        var open = new double[points];
        var high = new double[points];
        var low = new double[points];
        var close = new double[points];
        for (var p = 0; p < points; p++)
        {
            var start = p * barsPerPoint;
            var end = Math.Min(start + barsPerPoint, n);
            var h = bars.High[start];
            var l = bars.Low[start];
            for (var i = start + 1; i < end; i++)
            {
                h = Math.Max(h, bars.High[i]);
                l = Math.Min(l, bars.Low[i]);
            }

            time[p] = bars.Time[start];
            open[p] = bars.Open[start];
            high[p] = h;
            low[p] = l;
            close[p] = bars.Close[end - 1];
        }

        return (time, open, high, low, close);
    }
}
