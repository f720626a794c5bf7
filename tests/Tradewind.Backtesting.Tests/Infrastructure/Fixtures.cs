using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.Backtesting.Tests.Infrastructure;

/// <summary>Real market data from tests/fixtures/data (see PROVENANCE.md there).</summary>
internal static class Fixtures
{
    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "data", name);

    /// <summary>freqtrade's <c>[[ts_ms, o, h, l, c, v], ...]</c> JSON.</summary>
    public static CandleSeries FreqtradeCandles(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf(name)));
        var builder = new CandleSeriesBuilder();
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            builder.Add(row[0].GetInt64(), row[1].GetDouble(), row[2].GetDouble(), row[3].GetDouble(), row[4].GetDouble(), row[5].GetDouble());
        }

        return builder.Build();
    }

    /// <summary>XRP/USDT perpetual 1h candles and its 8h funding rates (the rate is in the "open" column).</summary>
    public static (CandleSeries Candles, List<FundingRate> Funding) XrpPerpetual()
    {
        var candles = FreqtradeCandles("freqtrade-XRP_USDT_USDT-1h-futures.json");
        var rates = FreqtradeCandles("freqtrade-XRP_USDT_USDT-8h-funding_rate.json");
        var funding = new List<FundingRate>(rates.Count);
        for (var i = 0; i < rates.Count; i++)
        {
            funding.Add(new FundingRate(rates.Time[i], rates.Open[i]));
        }

        return (candles, funding);
    }

    /// <summary>backtesting.py's GOOG daily bars: <c>,Open,High,Low,Close,Volume</c> with a date first column.</summary>
    public static CandleSeries Goog() => Csv("backtestingpy-GOOG-1d.csv");

    /// <summary>backtesting.py's SOL/USDT 1h bars: <c>timestamp,Open,High,Low,Close,Volume</c>.</summary>
    public static CandleSeries Solana() => Csv("backtestingpy-SOLUSDT-1h.csv");

    private static CandleSeries Csv(string name)
    {
        var builder = new CandleSeriesBuilder();
        foreach (var line in File.ReadLines(PathOf(name)).Skip(1))
        {
            var f = line.Split(',');
            builder.Add(TimeFormat.ParseUtc(f[0], "date"), Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4]), Number(f[5]));
        }

        return builder.Build();
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
