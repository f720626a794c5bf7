using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Polymarket;

/// <summary>
/// Polymarket's public market data from two APIs: Gamma (market metadata: <c>/markets</c>) and the CLOB (order books and
/// prices: <c>/book</c>, <c>/last-trade-price</c>, <c>/prices-history</c>). A ticker is one outcome token,
/// <c>POLYMARKET:&lt;clob token id&gt;/USDC</c>; prices are probabilities in [0, 1]. Candles are built from the price
/// history's points and carry no volume; there is no funding.
/// </summary>
public sealed class PolymarketMarketDataProvider : IMarketDataProvider
{
    public const string ClobUrl = "https://clob.polymarket.com";
    public const string GammaUrl = "https://gamma-api.polymarket.com";

    /// <summary>Markets asked for per Gamma page.</summary>
    public const int GammaPageSize = 500;

    /// <summary>CLOB order sizes have two decimals.</summary>
    public const decimal SizeStep = 0.01m;

    private static readonly VenueJson Clob = PolymarketJson.Clob;
    private static readonly VenueJson Gamma = PolymarketJson.Gamma;
    private const int MaxGammaPages = 2000;

    private readonly VenueHttp _clob;
    private readonly VenueHttp _gamma;
    private readonly TimeProvider _time;

    public PolymarketMarketDataProvider(
        HttpClient http, VenueEndpoint? clobEndpoint = null, VenueEndpoint? gammaEndpoint = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _clob = new VenueHttp(Clob.Source, http, clobEndpoint ?? ClobMainnet, _time);
        _gamma = new VenueHttp(Gamma.Source, http, gammaEndpoint ?? GammaMainnet, _time);
    }

    public static VenueEndpoint ClobMainnet => new() { BaseUrl = new Uri(ClobUrl) };

    public static VenueEndpoint GammaMainnet => new() { BaseUrl = new Uri(GammaUrl) };

    public ExchangeId Exchange => ExchangeId.Polymarket;

    /// <summary>Every timeframe: bars are built from price points, so none needs resampling.</summary>
    public IReadOnlyList<Timeframe> NativeTimeframes => Timeframe.All;

    public VenueEndpoint ClobEndpoint => _clob.Endpoint;

    public VenueEndpoint GammaEndpoint => _gamma.Endpoint;

    /// <summary>
    /// Every outcome token of every open Gamma market that trades on the CLOB (<c>enableOrderBook</c>), one
    /// <see cref="InstrumentSpec"/> per token, paged with <c>limit</c>/<c>offset</c> until Gamma answers an empty page.
    /// </summary>
    public async Task<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken)
    {
        const string context = "markets";
        var specs = new List<InstrumentSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var offset = 0;
        for (var page = 0; ; page++)
        {
            if (page >= MaxGammaPages)
            {
                ThrowHelper.Throw(
                    ErrorCode.VenueError,
                    $"{Gamma.Source} markets: still returning markets after {MaxGammaPages} pages of {GammaPageSize}; the offset parameter seems to be ignored.",
                    $"Check the Gamma base URL ({_gamma.Endpoint.BaseUrl}).");
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"markets?limit={GammaPageSize}&offset={offset}&closed=false");
            using var doc = await _gamma.GetJsonAsync(path, cancellationToken);
            var markets = Gamma.ExpectArray(doc.RootElement, context);

            if (markets.GetArrayLength() == 0)
            {
                return specs;
            }

            foreach (var market in markets.EnumerateArray())
            {
                AddMarket(market, specs, seen);
            }

            offset += markets.GetArrayLength();
        }
    }

    public async Task<CandleSeries> GetCandlesAsync(
        Ticker ticker, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        const string context = "prices-history";
        var token = TokenId(ticker);
        VenueCandles.ValidateRange(fromMs, toMs);
        var first = timeframe.IsAligned(fromMs) ? fromMs : timeframe.Next(fromMs);
        if (first >= toMs)
        {
            return CandleSeries.Empty;
        }

        // Bars open in [from, to); the last one needs its points up to its own end, and no point lies in the future.
        var end = Math.Min(timeframe.Next(toMs - 1), timeframe.Next(_time.GetUtcNow().ToUnixTimeMilliseconds()));
        var fidelity = PolymarketFidelity.Minutes(timeframe);
        var window = PolymarketFidelity.WindowMs(fidelity);
        var bucketer = new PricePointBucketer(timeframe, first, end, (int)Math.Min(timeframe.CountBars(first, end) + 1, 100_000));
        for (var windowStart = first; windowStart < end; windowStart += window)
        {
            var windowEnd = Math.Min(windowStart + window, end);
            var path = string.Create(
                CultureInfo.InvariantCulture,
                $"prices-history?market={token}&startTs={windowStart / 1000}&endTs={(windowEnd / 1000) - 1}&fidelity={fidelity}");
            using (var doc = await _clob.GetJsonAsync(path, cancellationToken))
            {
                PolymarketJson.EnsureNoError(doc.RootElement, context);
                FeedPoints(Clob.Array(doc.RootElement, "history", context), windowStart, windowEnd, bucketer, context);
            }

            if (bucketer.LastBucket != long.MinValue)
            {
                progress?.Report(bucketer.LastBucket);
            }
        }

        return bucketer.Build();
    }

    /// <summary>
    /// Last trade, best bid and ask, and the 24-hour open/high/low from the price history. The CLOB publishes no
    /// per-token 24-hour volume, so both volumes are 0. An empty book side is reported at the price bound (bid 0, ask 1).
    /// </summary>
    public async Task<TickerQuote> GetTickerAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        const string context = "last-trade-price";
        var token = TokenId(ticker);
        var book = await ReadBookAsync(token, cancellationToken);
        var bid = double.IsNaN(book.BidPrice) ? 0 : book.BidPrice;
        var ask = double.IsNaN(book.AskPrice) ? 1 : book.AskPrice;

        double last;
        using (var doc = await _clob.GetJsonAsync("last-trade-price?token_id=" + token, cancellationToken))
        {
            PolymarketJson.EnsureNoError(doc.RootElement, context);
            var side = doc.RootElement.TryGetProperty("side", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

            // A token that never traded answers price 0.5 with an empty side; the book's mid says more.
            last = string.IsNullOrEmpty(side) ? (bid + ask) / 2 : Clob.Double(doc.RootElement, "price", context);
        }

        // The last 24 hours of 5-minute points: the earliest is the open, the extremes are the high and low.
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        double open = last, high = last, low = last;
        var openTime = long.MaxValue;
        var path = string.Create(CultureInfo.InvariantCulture, $"prices-history?market={token}&startTs={now - 86_400}&endTs={now}&fidelity=5");
        using (var doc = await _clob.GetJsonAsync(path, cancellationToken))
        {
            PolymarketJson.EnsureNoError(doc.RootElement, "prices-history");
            foreach (var point in Clob.Array(doc.RootElement, "history", "prices-history").EnumerateArray())
            {
                var time = Clob.Int64(point, "t", "prices-history");
                var price = Clob.Double(point, "p", "prices-history");
                if (time < openTime)
                {
                    openTime = time;
                    open = price;
                }

                high = Math.Max(high, price);
                low = Math.Min(low, price);
            }
        }

        return new TickerQuote(book.Ticker, book.Time, last, bid, ask, open, high, low, 0, 0);
    }

    public async Task<TopOfBook> GetTopOfBookAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var book = await ReadBookAsync(TokenId(ticker), cancellationToken);
        if (double.IsNaN(book.BidPrice) || double.IsNaN(book.AskPrice))
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"Polymarket's book for token {ticker.Base} has no {(double.IsNaN(book.BidPrice) ? "bids" : "asks")} right now.",
                "Retry later; a market close to resolution often has one empty side. GetTickerAsync reports it at the price bound.");
        }

        return book;
    }

    public Task<IReadOnlyList<FundingRate>> GetFundingRatesAsync(
        Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        TokenId(ticker);
        return ThrowHelper.Throw<Task<IReadOnlyList<FundingRate>>>(
            ErrorCode.DataUnavailable,
            $"Polymarket has no funding: {ticker} is a prediction-market outcome token, not a perpetual.",
            "Funding rates exist for perpetuals on hyperliquid, lighter and binancefuturesusd.");
    }

    private static void AddMarket(JsonElement market, List<InstrumentSpec> specs, HashSet<string> seen)
    {
        const string context = "markets";
        if (!VenueJson.IsTrue(market, "enableOrderBook") || VenueJson.IsFalse(market, "active") || VenueJson.IsTrue(market, "closed"))
        {
            return;
        }

        // Markets without a price grid or size minimum are not (yet) tradable on the CLOB.
        if (!VenueJson.HasValue(market, "orderPriceMinTickSize") || !VenueJson.HasValue(market, "orderMinSize") || !VenueJson.HasValue(market, "clobTokenIds"))
        {
            return;
        }

        var tick = Gamma.Decimal(market, "orderPriceMinTickSize", context);
        var minSize = Gamma.Decimal(market, "orderMinSize", context);
        foreach (var token in TokenIds(market.GetProperty("clobTokenIds"), context))
        {
            if (seen.Add(token))
            {
                specs.Add(new InstrumentSpec(
                    new Ticker(ExchangeId.Polymarket, token, "USDC"),
                    tick,
                    SizeStep,
                    minSize,
                    0m,
                    MarketType.Prediction,
                    null,
                    1));
            }
        }
    }

    /// <summary>Gamma encodes <c>clobTokenIds</c> as a string holding a JSON array (<c>"[\"123\", \"456\"]"</c>).</summary>
    private static List<string> TokenIds(JsonElement value, string context)
    {
        var ids = new List<string>(2);
        if (value.ValueKind == JsonValueKind.Array)
        {
            ReadIds(value, ids, context);
            return ids;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Gamma.Shape(context, $"field 'clobTokenIds' should hold a JSON array but is {value.ValueKind}");
        }

        try
        {
            using var inner = JsonDocument.Parse(value.GetString()!);
            ReadIds(inner.RootElement, ids, context);
        }
        catch (JsonException ex)
        {
            throw new TradewindException(
                ErrorCode.VenueError,
                $"{Gamma.Source} {context}: field 'clobTokenIds' = {value.GetString()} is not a JSON array of token ids ({ex.Message}).",
                "Check the Gamma base URL; the API may have changed.",
                ex);
        }

        return ids;
    }

    private static void ReadIds(JsonElement array, List<string> ids, string context)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Gamma.Shape(context, $"field 'clobTokenIds' should hold a JSON array but holds {array.ValueKind}");
        }

        foreach (var id in array.EnumerateArray())
        {
            var text = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
            if (!IsTokenId(text))
            {
                throw Gamma.Shape(context, $"token id '{text}' in 'clobTokenIds' is not a decimal number");
            }

            ids.Add(text);
        }
    }

    private static void FeedPoints(JsonElement history, long windowStart, long windowEnd, PricePointBucketer bucketer, string context)
    {
        var count = history.GetArrayLength();
        var times = ArrayPool<long>.Shared.Rent(Math.Max(1, count));
        var prices = ArrayPool<double>.Shared.Rent(Math.Max(1, count));
        try
        {
            var n = 0;
            var ordered = true;
            foreach (var point in history.EnumerateArray())
            {
                var time = Clob.Int64(point, "t", context) * 1000;
                if (time < windowStart || time >= windowEnd)
                {
                    continue;
                }

                ordered &= n == 0 || time >= times[n - 1];
                times[n] = time;
                prices[n] = Clob.Double(point, "p", context);
                n++;
            }

            if (!ordered)
            {
                Array.Sort(times, prices, 0, n);
            }

            for (var i = 0; i < n; i++)
            {
                bucketer.Add(times[i], prices[i]);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(times);
            ArrayPool<double>.Shared.Return(prices);
        }
    }

    /// <summary>The book's best levels; a missing side is NaN. Levels are scanned because the CLOB lists them worst first.</summary>
    private async Task<TopOfBook> ReadBookAsync(string token, CancellationToken cancellationToken)
    {
        const string context = "book";
        using var doc = await _clob.GetJsonAsync("book?token_id=" + token, cancellationToken);
        var root = doc.RootElement;
        PolymarketJson.EnsureNoError(root, context);
        var (bid, bidSize) = Best(Clob.Array(root, "bids", context), highest: true, context);
        var (ask, askSize) = Best(Clob.Array(root, "asks", context), highest: false, context);
        var time = root.TryGetProperty("timestamp", out var stamp) ? ParseTime(stamp) : null;
        return new TopOfBook(
            new Ticker(ExchangeId.Polymarket, token, "USDC"),
            time ?? _time.GetUtcNow().ToUnixTimeMilliseconds(),
            bid,
            bidSize,
            ask,
            askSize);
    }

    private static (double Price, double Size) Best(JsonElement levels, bool highest, string context)
    {
        var best = double.NaN;
        var size = double.NaN;
        foreach (var level in levels.EnumerateArray())
        {
            var price = Clob.Double(level, "price", context);
            if (double.IsNaN(best) || (highest ? price > best : price < best))
            {
                best = price;
                size = Clob.Double(level, "size", context);
            }
        }

        return (best, size);
    }

    /// <summary>The book's <c>timestamp</c>: Unix milliseconds as a string on the wire, an ISO time in the docs' example.</summary>
    private static long? ParseTime(JsonElement stamp)
    {
        var text = stamp.ValueKind switch
        {
            JsonValueKind.String => stamp.GetString(),
            JsonValueKind.Number => stamp.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number < 100_000_000_000 ? number * 1000 : number;
        }

        return TimeFormat.TryParseUtc(text, out var ms) ? ms : null;
    }

    private static string TokenId(Ticker ticker)
    {
        if (ticker.Exchange != ExchangeId.Polymarket)
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidTicker,
                $"Ticker '{ticker}' is not a Polymarket ticker.",
                "Use POLYMARKET:<clob token id>, e.g. POLYMARKET:21742633143463906290569050155826241533067272736897614950488156847949938836455.");
        }

        if (!IsTokenId(ticker.Base) || ticker.Quote != "USDC")
        {
            ThrowHelper.Throw(
                ErrorCode.UnknownSymbol,
                $"'{ticker}' does not name a Polymarket outcome token: the base must be a CLOB token id (a decimal number) and the quote USDC.",
                "Find token ids in the clobTokenIds of a market on Gamma (GetInstrumentsAsync lists one instrument per token), then write POLYMARKET:<token id>.");
        }

        return ticker.Base;
    }

    private static bool IsTokenId(string text)
    {
        if (text.Length is 0 or > 80)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
