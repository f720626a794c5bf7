using Tradewind.Core;

namespace Tradewind.Backtesting.Tests.Infrastructure;

/// <summary>Small hand-written candle series for scenarios whose results are computed by hand.</summary>
internal static class Bars
{
    /// <summary>2024-01-01T00:00:00Z, a Monday.</summary>
    public const long T0 = 1_704_067_200_000;

    public const long Hour = 3_600_000;

    public const long Day = 86_400_000;

    public static CandleSeries Hourly(params (double O, double H, double L, double C)[] bars) => Build(T0, Hour, bars);

    public static CandleSeries Daily(params (double O, double H, double L, double C)[] bars) => Build(T0, Day, bars);

    /// <summary>Flat bars at one price.</summary>
    public static CandleSeries Flat(int count, double price, long step = Hour, long start = T0)
    {
        var bars = new (double, double, double, double)[count];
        Array.Fill(bars, (price, price, price, price));
        return Build(start, step, bars);
    }

    public static CandleSeries Build(long start, long step, (double O, double H, double L, double C)[] bars)
    {
        var builder = new CandleSeriesBuilder(bars.Length);
        for (var i = 0; i < bars.Length; i++)
        {
            var (o, h, l, c) = bars[i];
            builder.Add(start + (i * step), o, h, l, c, 1000);
        }

        return builder.Build();
    }

    /// <summary>A seeded random walk (LCG), for property tests.</summary>
    public static CandleSeries RandomWalk(int count, ulong seed, long step = Hour, double start = 100)
    {
        var builder = new CandleSeriesBuilder(count);
        var s = seed | 1;
        var price = start;
        for (var i = 0; i < count; i++)
        {
            s = (s * 6364136223846793005UL) + 1442695040888963407UL;
            var r = ((s >> 11) / 9007199254740992.0) - 0.5;
            var open = price;
            price *= 1 + (r * 0.04);
            var spread = ((s >> 20) % 100) / 5000.0;
            builder.Add(T0 + (i * step), open, Math.Max(open, price) * (1 + spread), Math.Min(open, price) * (1 - spread), price, 1000);
        }

        return builder.Build();
    }
}
