using Tradewind.Core;

namespace Tradewind.MarketData.Tests.Storage;

/// <summary>Deterministic, valid bars for tests (seeded random walk).</summary>
public static class TestCandles
{
    public static readonly Ticker Btc = Ticker.Parse("BINANCE:BTC/USDT");

    public static readonly Ticker Eth = Ticker.Parse("BINANCE:ETH/USDT");

    /// <summary>2024-01-01T00:00:00Z, a Monday: aligned for every timeframe.</summary>
    public static readonly long Start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static CandleSeries Generate(Timeframe timeframe, long start, int count, int seed = 1)
    {
        var random = new Random(seed);
        var builder = new CandleSeriesBuilder(count);
        var price = 100.0 + seed;
        var t = timeframe.Floor(start);
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Round(open * (1 + ((random.NextDouble() - 0.5) * 0.02)), 4);
            var high = Math.Round(Math.Max(open, close) * (1 + (random.NextDouble() * 0.01)), 4);
            var low = Math.Round(Math.Min(open, close) * (1 - (random.NextDouble() * 0.01)), 4);
            builder.Add(t, open, high, low, close, Math.Round(random.NextDouble() * 1000, 3));
            price = close;
            t = timeframe.Next(t);
        }

        return builder.Build();
    }

    /// <summary>The series without the bars whose open time is in [from, to).</summary>
    public static CandleSeries Without(CandleSeries series, long fromMs, long toMs)
    {
        var builder = new CandleSeriesBuilder(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            if (series.Time[i] < fromMs || series.Time[i] >= toMs)
            {
                builder.Add(series[i]);
            }
        }

        return builder.Build();
    }

    public static void AssertEqual(CandleSeries expected, CandleSeries actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Open, actual.Open);
        Assert.Equal(expected.High, actual.High);
        Assert.Equal(expected.Low, actual.Low);
        Assert.Equal(expected.Close, actual.Close);
        Assert.Equal(expected.Volume, actual.Volume);
    }
}
