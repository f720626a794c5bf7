using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.Signals.Tests.Infrastructure;

/// <summary>Real candles from tests/fixtures/data (see PROVENANCE.md there), loaded once per process.</summary>
public static class MarketData
{
    private static readonly Lazy<CandleSeries> BtcDailyLazy = new(() => LoadCsv("skender-bitcoin-1d.csv", "date"));
    private static readonly Lazy<CandleSeries> Btc30mLazy = new(() => LoadJson("freqtrade-UNITTEST_BTC-30m.json"));
    private static readonly Lazy<CandleSeries> EthBtc5mLazy = new(() => LoadJson("freqtrade-ETH_BTC-5m.json"));
    private static readonly Lazy<CandleSeries> Sol1hLazy = new(() => LoadCsv("backtestingpy-SOLUSDT-1h.csv", "timestamp"));
    private static readonly Lazy<CandleSeries> Xrp1hLazy = new(() => LoadJson("freqtrade-XRP_USDT_USDT-1h-futures.json"));
    private static readonly Lazy<FundingRate[]> XrpFundingLazy = new(LoadFunding);

    public static Ticker BtcUsdt { get; } = Ticker.Parse("BINANCE:BTC/USDT");

    public static Ticker EthUsdt { get; } = Ticker.Parse("BINANCE:ETH/USDT");

    public static Ticker EthBtc { get; } = Ticker.Parse("BINANCE:ETH/BTC");

    public static Ticker SolUsdt { get; } = Ticker.Parse("BINANCE:SOL/USDT");

    public static Ticker XrpPerp { get; } = Ticker.Parse("BINANCEFUTURESUSD:XRP/USDT:USDT");

    /// <summary>BTC/USD daily, 2017-08-16..2021-01-12, 1246 bars.</summary>
    public static CandleSeries BtcDaily => BtcDailyLazy.Value;

    /// <summary>1920 real Binance 30m candles.</summary>
    public static CandleSeries Btc30m => Btc30mLazy.Value;

    /// <summary>5760 real Binance ETH/BTC 5m candles.</summary>
    public static CandleSeries EthBtc5m => EthBtc5mLazy.Value;

    /// <summary>SOL/USDT 1h, 1000 bars.</summary>
    public static CandleSeries Sol1h => Sol1hLazy.Value;

    /// <summary>100 XRP/USDT perpetual 1h candles.</summary>
    public static CandleSeries Xrp1h => Xrp1hLazy.Value;

    /// <summary>91 8h funding rates of the XRP/USDT perpetual.</summary>
    public static FundingRate[] XrpFunding => XrpFundingLazy.Value;

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", "data", file);

    private static CandleSeries LoadJson(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf(file)));
        var b = new CandleSeriesBuilder();
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            b.Add(row[0].GetInt64(), row[1].GetDouble(), row[2].GetDouble(), row[3].GetDouble(), row[4].GetDouble(), row[5].GetDouble());
        }

        return b.Build();
    }

    private static FundingRate[] LoadFunding()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf("freqtrade-XRP_USDT_USDT-8h-funding_rate.json")));
        var rates = new List<FundingRate>();
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            // The funding file keeps the rate in the "open" column.
            rates.Add(new FundingRate(row[0].GetInt64(), row[1].GetDouble()));
        }

        return [.. rates];
    }

    private static CandleSeries LoadCsv(string file, string timeColumn)
    {
        var lines = File.ReadAllLines(PathOf(file)).Where(l => l.Trim().Length > 0).ToArray();
        var header = lines[0].ToLowerInvariant().Split(',');
        int Col(string n) => Array.IndexOf(header, n);
        var b = new CandleSeriesBuilder();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var t = DateTimeOffset.Parse(f[Col(timeColumn)], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            b.Add(
                t.ToUnixTimeMilliseconds(),
                double.Parse(f[Col("open")], CultureInfo.InvariantCulture),
                double.Parse(f[Col("high")], CultureInfo.InvariantCulture),
                double.Parse(f[Col("low")], CultureInfo.InvariantCulture),
                double.Parse(f[Col("close")], CultureInfo.InvariantCulture),
                double.Parse(f[Col("volume")], CultureInfo.InvariantCulture));
        }

        return b.Build();
    }
}
