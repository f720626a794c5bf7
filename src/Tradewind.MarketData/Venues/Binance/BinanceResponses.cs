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
        JsonElement root, Timeframe timeframe, long fromMs, long toMs, CandleSeriesBuilder builder, string venue, string path)
    {
        BinanceJson.ExpectKind(root, JsonValueKind.Array, venue, path);
        var rows = 0;
        var lastOpen = long.MinValue;
        foreach (var row in root.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 6)
            {
                ThrowHelper.Throw(
                    ErrorCode.VenueError,
                    $"{venue}: {path} row {rows.ToString(CultureInfo.InvariantCulture)} is not a kline array [openTime, open, high, low, close, volume, ...].",
                    "Check that the base URL points at the Binance API.");
            }

            var open = BinanceJson.ReadInt64(row[0], venue, path, rows, "open time");
            rows++;
            lastOpen = open;
            if (open < fromMs || open >= toMs || open <= builder.LastTime)
            {
                continue;
            }

            if (!timeframe.IsAligned(open))
            {
                ThrowHelper.Throw(
                    ErrorCode.VenueError,
                    $"{venue}: {path} returned a {timeframe} kline opening at {TimeFormat.ToIso(open)}, which is not on the {timeframe} grid.",
                    "Tradewind aligns bars in UTC; do not route requests through a proxy that sets Binance's timeZone parameter.");
            }

            builder.Add(
                open,
                BinanceJson.ReadDouble(row[1], venue, path, rows - 1, "open"),
                BinanceJson.ReadDouble(row[2], venue, path, rows - 1, "high"),
                BinanceJson.ReadDouble(row[3], venue, path, rows - 1, "low"),
                BinanceJson.ReadDouble(row[4], venue, path, rows - 1, "close"),
                BinanceJson.ReadDouble(row[5], venue, path, rows - 1, "volume"));
        }

        return new BinancePage(rows, lastOpen);
    }

    /// <summary>Appends the funding events of one page that lie in [from, to); returns the rows read and the last time.</summary>
    public static BinancePage ReadFunding(
        JsonElement root, long fromMs, long toMs, List<FundingRate> into, string venue, string path)
    {
        BinanceJson.ExpectKind(root, JsonValueKind.Array, venue, path);
        var rows = 0;
        var last = long.MinValue;
        foreach (var item in root.EnumerateArray())
        {
            BinanceJson.ExpectKind(item, JsonValueKind.Object, venue, path);
            var time = BinanceJson.ReadInt64Field(item, "fundingTime", venue, path, rows);
            var rate = BinanceJson.ReadDoubleField(item, "fundingRate", venue, path, rows);
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
        var venue = market.Venue;
        BinanceJson.ExpectKind(root, JsonValueKind.Object, venue, path);
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
            return ThrowHelper.Throw<BinanceExchangeInfo>(
                ErrorCode.VenueError,
                $"{venue}: {path} has no 'symbols' array.",
                "Check that the base URL points at the Binance API.");
        }

        var instruments = new List<InstrumentSpec>(symbols.GetArrayLength());
        foreach (var symbol in symbols.EnumerateArray())
        {
            var name = BinanceJson.ReadString(symbol, "symbol", venue, path, "a symbol entry");
            var context = "symbol " + name;
            if (!symbol.TryGetProperty("status", out var status) || !status.ValueEquals("TRADING"))
            {
                continue;
            }

            if (market.IsFutures
                && (!symbol.TryGetProperty("contractType", out var contract) || !contract.ValueEquals("PERPETUAL")))
            {
                continue;
            }

            var baseAsset = BinanceJson.ReadString(symbol, "baseAsset", venue, path, context);
            var quoteAsset = BinanceJson.ReadString(symbol, "quoteAsset", venue, path, context);
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
                        tick = BinanceJson.ReadDecimal(filter, "tickSize", venue, path, context + " PRICE_FILTER");
                    }
                    else if (filterType.ValueEquals("LOT_SIZE"))
                    {
                        step = BinanceJson.ReadDecimal(filter, "stepSize", venue, path, context + " LOT_SIZE");
                        minQty = BinanceJson.ReadDecimal(filter, "minQty", venue, path, context + " LOT_SIZE");
                    }
                    else if (filterType.ValueEquals("MIN_NOTIONAL"))
                    {
                        // Spot calls the field minNotional, USD-M calls it notional.
                        var field = filter.TryGetProperty("minNotional", out _) ? "minNotional" : "notional";
                        minNotional = Math.Max(minNotional, BinanceJson.ReadDecimal(filter, field, venue, path, context + " MIN_NOTIONAL"));
                    }
                    else if (filterType.ValueEquals("NOTIONAL"))
                    {
                        minNotional = Math.Max(minNotional, BinanceJson.ReadDecimal(filter, "minNotional", venue, path, context + " NOTIONAL"));
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
    public static TickerQuote ReadTicker(JsonElement root, Ticker ticker, string venue, string path, TopOfBook? book)
    {
        BinanceJson.ExpectKind(root, JsonValueKind.Object, venue, path);
        const string Context = "ticker";
        var bid = book?.BidPrice ?? BinanceJson.ReadDoubleField(root, "bidPrice", venue, path, Context);
        var ask = book?.AskPrice ?? BinanceJson.ReadDoubleField(root, "askPrice", venue, path, Context);
        return new TickerQuote(
            ticker,
            BinanceJson.ReadInt64Field(root, "closeTime", venue, path, Context),
            BinanceJson.ReadDoubleField(root, "lastPrice", venue, path, Context),
            bid,
            ask,
            BinanceJson.ReadDoubleField(root, "openPrice", venue, path, Context),
            BinanceJson.ReadDoubleField(root, "highPrice", venue, path, Context),
            BinanceJson.ReadDoubleField(root, "lowPrice", venue, path, Context),
            BinanceJson.ReadDoubleField(root, "volume", venue, path, Context),
            BinanceJson.ReadDoubleField(root, "quoteVolume", venue, path, Context));
    }

    /// <summary>A bookTicker object. USD-M stamps it with <c>time</c>; spot does not, so <paramref name="receivedAt"/> is used.</summary>
    public static TopOfBook ReadBookTicker(JsonElement root, Ticker ticker, long receivedAt, string venue, string path)
    {
        BinanceJson.ExpectKind(root, JsonValueKind.Object, venue, path);
        const string Context = "bookTicker";
        var time = root.TryGetProperty("time", out var t) && t.TryGetInt64(out var stamped) ? stamped : receivedAt;
        return new TopOfBook(
            ticker,
            time,
            BinanceJson.ReadDoubleField(root, "bidPrice", venue, path, Context),
            BinanceJson.ReadDoubleField(root, "bidQty", venue, path, Context),
            BinanceJson.ReadDoubleField(root, "askPrice", venue, path, Context),
            BinanceJson.ReadDoubleField(root, "askQty", venue, path, Context));
    }
}
