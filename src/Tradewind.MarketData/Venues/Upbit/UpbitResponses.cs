using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Upbit;

/// <summary>Parsers for the Upbit quotation responses Tradewind reads.</summary>
internal static class UpbitResponses
{
    private static readonly VenueJson Json = UpbitJson.Reader;

    /// <summary>Upbit quotes volumes to 8 decimals.</summary>
    public const decimal LotStep = 0.00000001m;

    /// <summary>
    /// Appends one page of candles (newest first, as Upbit sends them) to <paramref name="descending"/>, keeping
    /// those whose open time lies in [<paramref name="fromMs"/>, <paramref name="cursorMs"/>). Times come from
    /// <c>candle_date_time_utc</c>; the KST field is ignored.
    /// </summary>
    public static UpbitPage ReadCandles(
        JsonElement root, Timeframe timeframe, long fromMs, long cursorMs, CandleSeriesBuilder descending, string path)
    {
        Json.Expect(root, JsonValueKind.Array, path);
        var rows = 0;
        var oldest = long.MaxValue;
        var newest = long.MinValue;
        foreach (var row in root.EnumerateArray())
        {
            var index = rows;
            Json.Expect(row, JsonValueKind.Object, path);
            var time = UpbitJson.ReadUtcTime(row, "candle_date_time_utc", path, index);
            rows++;
            oldest = Math.Min(oldest, time);
            newest = Math.Max(newest, time);
            if (time < fromMs || time >= cursorMs || (descending.Count > 0 && time >= descending.LastTime))
            {
                continue;
            }

            if (!timeframe.IsAligned(time))
            {
                throw Json.Misaligned(timeframe, time, path, "Upbit aligns candles as Tradewind does; report this response.");
            }

            descending.Add(
                time,
                Json.Double(row, "opening_price", path, index),
                Json.Double(row, "high_price", path, index),
                Json.Double(row, "low_price", path, index),
                Json.Double(row, "trade_price", path, index),
                Json.Double(row, "candle_acc_trade_volume", path, index));
        }

        return new UpbitPage(rows, oldest, newest);
    }

    /// <summary>
    /// /v1/market/all as instrument specs. Upbit publishes no trading rules there: the KRW tick size depends on the
    /// price level and minimum order totals come from the authenticated orders/chance endpoint, so both are 0
    /// ("not enforced here"); quantities have 8 decimals.
    /// </summary>
    public static IReadOnlyList<InstrumentSpec> ReadMarkets(JsonElement root, string path)
    {
        Json.Expect(root, JsonValueKind.Array, path);
        var specs = new List<InstrumentSpec>(root.GetArrayLength());
        foreach (var item in root.EnumerateArray())
        {
            var code = Json.String(item, "market", path, specs.Count);
            if (!UpbitMarkets.TryFromMarketCode(code, out var ticker))
            {
                ThrowHelper.Throw(
                    ErrorCode.VenueError,
                    $"upbit: {path} lists market '{code}', which is not QUOTE-BASE.",
                    "The venue's response format may have changed; report it.");
            }

            specs.Add(new InstrumentSpec(ticker, 0m, LotStep, 0m, 0m, MarketType.Spot, null, 1));
        }

        return specs;
    }

    /// <summary>The first (best) level of an orderbook response for one market.</summary>
    public static TopOfBook ReadTopOfBook(JsonElement root, Ticker ticker, string path)
    {
        var book = SingleItem(root, path);
        var time = Json.Int64(book, "timestamp", path);
        if (!book.TryGetProperty("orderbook_units", out var units) || units.ValueKind != JsonValueKind.Array || units.GetArrayLength() == 0)
        {
            return ThrowHelper.Throw<TopOfBook>(
                ErrorCode.DataUnavailable,
                $"upbit: {path} has no orderbook levels for {ticker}.",
                "The market may be suspended; try again later.");
        }

        var best = units[0];
        return new TopOfBook(
            ticker,
            time,
            Json.Double(best, "bid_price", path),
            Json.Double(best, "bid_size", path),
            Json.Double(best, "ask_price", path),
            Json.Double(best, "ask_size", path));
    }

    /// <summary>
    /// A ticker response for one market. Open, high and low are the current UTC day's (Upbit's daily candle, from
    /// 00:00 UTC = 09:00 KST); volumes are the rolling 24 hours. Bid and ask come from the orderbook.
    /// </summary>
    public static TickerQuote ReadTicker(JsonElement root, Ticker ticker, TopOfBook book, string path)
    {
        var item = SingleItem(root, path);
        return new TickerQuote(
            ticker,
            Json.Int64(item, "timestamp", path),
            Json.Double(item, "trade_price", path),
            book.BidPrice,
            book.AskPrice,
            Json.Double(item, "opening_price", path),
            Json.Double(item, "high_price", path),
            Json.Double(item, "low_price", path),
            Json.Double(item, "acc_trade_volume_24h", path),
            Json.Double(item, "acc_trade_price_24h", path));
    }

    private static JsonElement SingleItem(JsonElement root, string path)
    {
        Json.Expect(root, JsonValueKind.Array, path);
        if (root.GetArrayLength() == 0)
        {
            return ThrowHelper.Throw<JsonElement>(
                ErrorCode.DataUnavailable,
                $"upbit: {path} returned no entry for the market.",
                "The market may be delisted; check Upbit's market list.");
        }

        var item = root[0];
        Json.Expect(item, JsonValueKind.Object, path);
        return item;
    }
}
