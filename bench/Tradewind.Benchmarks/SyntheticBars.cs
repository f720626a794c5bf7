namespace Tradewind.Benchmarks;

/// <summary>
/// Deterministic OHLCV bars for benchmarks: the same LCG random walk as tools/golden/talib-bench.c, so Tradewind
/// and TA-Lib C are timed on identical inputs.
/// </summary>
internal static class SyntheticBars
{
    public static (long[] Time, double[] Open, double[] High, double[] Low, double[] Close, double[] Volume) Create(int bars)
    {
        var time = new long[bars];
        var open = new double[bars];
        var high = new double[bars];
        var low = new double[bars];
        var close = new double[bars];
        var volume = new double[bars];
        ulong s = 42;
        var price = 100.0;
        for (var i = 0; i < bars; i++)
        {
            s = (s * 6364136223846793005UL) + 1442695040888963407UL;
            var r = ((s >> 11) / 9007199254740992.0) - 0.5;
            open[i] = price;
            price *= 1.0 + (r * 0.01);
            close[i] = price;
            high[i] = Math.Max(open[i], close[i]) * 1.002;
            low[i] = Math.Min(open[i], close[i]) * 0.998;
            volume[i] = 1000.0 + (s >> 50);
            time[i] = 1_704_067_200_000L + (i * 60_000L);
        }

        return (time, open, high, low, close, volume);
    }
}
