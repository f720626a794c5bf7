using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>Parsers for the Binance responses Tradewind reads. Spot and USD-M share the shapes.</summary>
internal static class BinanceResponses
{
    /// <summary>USD-M perpetuals pay funding every 8 hours (a few symbols have moved to 4h; see the venue docs).</summary>
    public static readonly TimeSpan FundingInterval = TimeSpan.FromHours(8);

    /// <summary>Binance caps USD-M leverage at 125x; per-symbol brackets need an API key (leverageBracket).</summary>
    public const int FuturesMaxLeverage = 125;

    /// <summary>
    /// Appends the klines of one page whose open time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>) to
    /// <paramref name="builder"/>. A row is <c>[openTime, "open", "high", "low", "close", "volume", closeTime, ...]</c>.
    /// Rows at or before the builder's last bar (a repeated page edge) are skipped.
    /// </summary>
    public static BinancePage ReadKlines(
        JsonElement root, Timeframe timeframe, long fromMs, long toMs, CandleSeriesBuilder builder, VenueJson json, string path)
    {
        json.Expect(root, JsonValueKind.Array, path);
        var rows = 0;
        var lastOpen = long.MinValue;
        foreach (var row in root.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 6)
            {
                throw json.Shape(
                    path,
                    $"row {rows.ToString(CultureInfo.InvariantCulture)} is not a kline array [openTime, open, high, low, close, volume, ...]");
            }

            var open = json.ItemInt64(row, 0, "open time", path, rows);
            rows++;
            lastOpen = open;
            if (open < fromMs || open >= toMs || open <= builder.LastTime)
            {
                continue;
            }

            if (!timeframe.IsAligned(open))
            {
                throw json.Misaligned(
                    timeframe,
                    open,
                    path,
                    "Tradewind aligns bars in UTC; do not route requests through a proxy that sets Binance's timeZone parameter.");
            }

            builder.Add(
                open,
                json.ItemDouble(row, 1, "open", path, rows - 1),
                json.ItemDouble(row, 2, "high", path, rows - 1),
                json.ItemDouble(row, 3, "low", path, rows - 1),
                json.ItemDouble(row, 4, "close", path, rows - 1),
                json.ItemDouble(row, 5, "volume", path, rows - 1));
        }

        return new BinancePage(rows, lastOpen);
    }

    /// <summary>Appends the funding events of one page that lie in [from, to); returns the rows read and the last time.</summary>
    public static BinancePage ReadFunding(
        JsonElement root, long fromMs, long toMs, List<FundingRate> into, VenueJson json, string path)
    {
        json.Expect(root, JsonValueKind.Array, path);
        var rows = 0;
        var last = long.MinValue;
        foreach (var item in root.EnumerateArray())
        {
            var time = json.Int64(item, "fundingTime", path, rows);
            var rate = json.Double(item, "fundingRate", path, rows);
            rows++;
            last = time;
            if (time < fromMs || time >= toMs || (into.Count > 0 && time <= into[^1].Time))
            {
                continue;
            }

            into.Add(new FundingRate(time, rate));
        }

        return new BinancePage(rows, last);
    }

    /// <summary>
    /// The trading symbols of exchangeInfo as instrument specs: status TRADING only, and on USD-M only
    /// <c>contractType</c> PERPETUAL (quarterly delivery contracts are not perpetuals). Also returns the
    /// REQUEST_WEIGHT per minute from <c>rateLimits</c>, when present.
    /// </summary>
    public static BinanceExchangeInfo ReadExchangeInfo(JsonElement root, BinanceMarket market, string path)
    {
        var json = market.Json;
        json.Expect(root, JsonValueKind.Object, path);
        int? weightLimit = null;
        if (root.TryGetProperty("rateLimits", out var limits) && limits.ValueKind == JsonValueKind.Array)
        {
            foreach (var limit in limits.EnumerateArray())
            {
                if (limit.ValueKind == JsonValueKind.Object
                    && limit.TryGetProperty("rateLimitType", out var type) && type.ValueEquals("REQUEST_WEIGHT")
                    && limit.TryGetProperty("interval", out var interval) && interval.ValueEquals("MINUTE")
                    && limit.TryGetProperty("intervalNum", out var num) && num.TryGetInt32(out var n) && n == 1
                    && limit.TryGetProperty("limit", out var value) && value.TryGetInt32(out var perMinute))
                {
                    weightLimit = perMinute;
                }
            }
        }

        if (!root.TryGetProperty("symbols", out var symbols) || symbols.ValueKind != JsonValueKind.Array)
        {
            throw json.Shape(path, "no 'symbols' array");
        }

        var instruments = new List<InstrumentSpec>(symbols.GetArrayLength());
        var symbolsContext = path + " symbols";
        var index = 0;
        foreach (var symbol in symbols.EnumerateArray())
        {
            var name = json.String(symbol, "symbol", symbolsContext, index++);
            if (!symbol.TryGetProperty("status", out var status) || !status.ValueEquals("TRADING"))
            {
                continue;
            }

            if (market.IsFutures
                && (!symbol.TryGetProperty("contractType", out var contract) || !contract.ValueEquals("PERPETUAL")))
            {
                continue;
            }

            var context = path + " symbol " + name;
            var baseAsset = json.String(symbol, "baseAsset", context);
            var quoteAsset = json.String(symbol, "quoteAsset", context);
            var marginAsset = market.IsFutures && symbol.TryGetProperty("marginAsset", out var margin) && margin.ValueKind == JsonValueKind.String
                ? margin.GetString()
                : null;

            decimal tick = 0, step = 0, minQty = 0, minNotional = 0;
            if (symbol.TryGetProperty("filters", out var filters) && filters.ValueKind == JsonValueKind.Array)
            {
                foreach (var filter in filters.EnumerateArray())
                {
                    if (!filter.TryGetProperty("filterType", out var filterType))
                    {
                        continue;
                    }

                    if (filterType.ValueEquals("PRICE_FILTER"))
                    {
                        tick = Rule(json, filter, "tickSize", context + " PRICE_FILTER");
                    }
                    else if (filterType.ValueEquals("LOT_SIZE"))
                    {
                        step = Rule(json, filter, "stepSize", context + " LOT_SIZE");
                        minQty = Rule(json, filter, "minQty", context + " LOT_SIZE");
                    }
                    else if (filterType.ValueEquals("MIN_NOTIONAL"))
                    {
                        // Spot calls the field minNotional, USD-M calls it notional.
                        var field = filter.TryGetProperty("minNotional", out _) ? "minNotional" : "notional";
                        minNotional = Math.Max(minNotional, Rule(json, filter, field, context + " MIN_NOTIONAL"));
                    }
                    else if (filterType.ValueEquals("NOTIONAL"))
                    {
                        minNotional = Math.Max(minNotional, Rule(json, filter, "minNotional", context + " NOTIONAL"));
                    }
                }
            }

            instruments.Add(new InstrumentSpec(
                BinanceSymbols.FromAssets(market, baseAsset, quoteAsset, marginAsset),
                tick,
                step,
                minQty,
                minNotional,
                market.IsFutures ? MarketType.Perpetual : MarketType.Spot,
                market.IsFutures ? FundingInterval : null,
                market.IsFutures ? FuturesMaxLeverage : 1));
        }

        return new BinanceExchangeInfo(instruments, weightLimit);
    }

    /// <summary>
    /// A 24hr ticker object. Spot carries the best bid and ask; USD-M does not, so the caller passes them in from
    /// bookTicker.
    /// </summary>
    public static TickerQuote ReadTicker(JsonElement root, Ticker ticker, VenueJson json, string path, TopOfBook? book)
    {
        json.Expect(root, JsonValueKind.Object, path);
        var bid = book?.BidPrice ?? json.Double(root, "bidPrice", path);
        var ask = book?.AskPrice ?? json.Double(root, "askPrice", path);
        return new TickerQuote(
            ticker,
            json.Int64(root, "closeTime", path),
            json.Double(root, "lastPrice", path),
            bid,
            ask,
            json.Double(root, "openPrice", path),
            json.Double(root, "highPrice", path),
            json.Double(root, "lowPrice", path),
            json.Double(root, "volume", path),
            json.Double(root, "quoteVolume", path));
    }

    /// <summary>A bookTicker object. USD-M stamps it with <c>time</c>; spot does not, so <paramref name="receivedAt"/> is used.</summary>
    public static TopOfBook ReadBookTicker(JsonElement root, Ticker ticker, long receivedAt, VenueJson json, string path)
    {
        json.Expect(root, JsonValueKind.Object, path);
        var time = root.TryGetProperty("time", out var t) && t.TryGetInt64(out var stamped) ? stamped : receivedAt;
        return new TopOfBook(
            ticker,
            time,
            json.Double(root, "bidPrice", path),
            json.Double(root, "bidQty", path),
            json.Double(root, "askPrice", path),
            json.Double(root, "askQty", path));
    }

    /// <summary>A trading rule, with trailing zeros dropped ("0.00100000" -> 0.001) so rules print the way traders write them.</summary>
    private static decimal Rule(VenueJson json, JsonElement filter, string name, string context) =>
        json.Decimal(filter, name, context) / 1.0000000000000000000000000000m;
}
