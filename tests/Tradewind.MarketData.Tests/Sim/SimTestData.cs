using Microsoft.Extensions.Time.Testing;
using Tradewind.Core;
using Tradewind.MarketData.Sim;

namespace Tradewind.MarketData.Tests.Sim;

/// <summary>Shared clock, tickers and statistics for the sim tests.</summary>
internal static class SimTestData
{
    /// <summary>The tests' "now": late enough that 2024 is entirely in the past.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 34, 56, 789, TimeSpan.Zero);

    public static readonly Ticker Btc = Ticker.Parse("SIM:BTC/USDT");
    public static readonly Ticker BtcPerp = Ticker.Parse("SIM:BTC/USDT:USDT");
    public static readonly Ticker Eth = Ticker.Parse("SIM:ETH/USDT");

    public static SimMarketDataProvider Provider(long seed = 42, DateTimeOffset? now = null) =>
        new(new SimOptions { Seed = seed }, new FakeTimeProvider(now ?? Now));

    public static long Ms(string utc) => TimeFormat.ParseUtc(utc, "time");

    public static Task<CandleSeries> Candles(this SimMarketDataProvider provider, Ticker ticker, Timeframe timeframe, string from, string to) =>
        provider.GetCandlesAsync(ticker, timeframe, Ms(from), Ms(to), null, CancellationToken.None);

    public static double[] LogReturns(CandleSeries s)
    {
        var r = new double[s.Count - 1];
        for (var i = 1; i < s.Count; i++)
        {
            r[i - 1] = Math.Log(s.Close[i] / s.Close[i - 1]);
        }

        return r;
    }

    public static double ExcessKurtosis(double[] x)
    {
        var mean = x.Average();
        double m2 = 0, m4 = 0;
        foreach (var v in x)
        {
            var d = v - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }

        m2 /= x.Length;
        m4 /= x.Length;
        return (m4 / (m2 * m2)) - 3;
    }

    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double ma = 0, mb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ma += a[i];
            mb += b[i];
        }

        ma /= a.Length;
        mb /= b.Length;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>Autocorrelation of |x| at <paramref name="lag"/>: positive when large moves cluster.</summary>
    public static double AbsAutocorrelation(double[] x, int lag)
    {
        var a = x.Select(Math.Abs).ToArray();
        return Correlation(a.AsSpan(0, a.Length - lag), a.AsSpan(lag));
    }

    /// <summary>OHLCV aggregation written independently of the provider: first open, max high, min low, last close, sum volume.</summary>
    public static Candle Aggregate(CandleSeries s, long time, int start, int count)
    {
        double high = double.MinValue, low = double.MaxValue, volume = 0;
        for (var i = start; i < start + count; i++)
        {
            high = Math.Max(high, s.High[i]);
            low = Math.Min(low, s.Low[i]);
            volume += s.Volume[i];
        }

        return new Candle(time, s.Open[start], high, low, s.Close[start + count - 1], volume);
    }

    public static void AssertSameSeries(CandleSeries expected, CandleSeries actual)
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
