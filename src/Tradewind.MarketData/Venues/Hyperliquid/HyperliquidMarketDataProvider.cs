using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Hyperliquid;

/// <summary>
/// Hyperliquid's public market data. Every read is a POST to <c>/info</c> with a JSON body naming the request type
/// (<c>meta</c>, <c>metaAndAssetCtxs</c>, <c>candleSnapshot</c>, <c>l2Book</c>, <c>fundingHistory</c>).
/// <c>HYPERLIQUID:BTC/USDC</c> and <c>HYPERLIQUID:BTC/USDT</c> both name the BTC perp, which settles in USDC; the coin
/// is the ticker's base. Only the first (main) perp dex is served.
/// </summary>
public sealed class HyperliquidMarketDataProvider : IMarketDataProvider
{
    public const string MainnetUrl = "https://api.hyperliquid.xyz";
    public const string TestnetUrl = "https://api.hyperliquid-testnet.xyz";

    /// <summary>Hyperliquid rejects orders worth less than 10 USDC.</summary>
    public const decimal MinOrderValue = 10m;

    /// <summary>Reads Hyperliquid's answers; prices and sizes arrive as decimal strings ("29295.0").</summary>
    internal static readonly VenueJson Json = new(
        "Hyperliquid",
        "The base URL may not point at Hyperliquid's API (https://api.hyperliquid.xyz), or the API changed; check the endpoint configuration.");

    private const string InfoPath = "info";
    private const string Venue = "Hyperliquid";
    private static readonly TimeSpan UniverseLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FundingInterval = TimeSpan.FromHours(1);

    private readonly VenueHttp _http;
    private readonly TimeProvider _time;
    private UniverseSnapshot? _universe;

    public HyperliquidMarketDataProvider(HttpClient http, VenueEndpoint? endpoint = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _http = new VenueHttp(Venue, http, endpoint ?? Mainnet, _time);
    }

    /// <summary>The production API.</summary>
    public static VenueEndpoint Mainnet => new() { BaseUrl = new Uri(MainnetUrl) };

    /// <summary>The public testnet.</summary>
    public static VenueEndpoint Testnet => new() { BaseUrl = new Uri(TestnetUrl) };

    public ExchangeId Exchange => ExchangeId.Hyperliquid;

    /// <summary>1m 5m 15m 30m 1h 4h 1d 1M; 1w is built from 1d because Hyperliquid's weeks open on Thursday.</summary>
    public IReadOnlyList<Timeframe> NativeTimeframes => HyperliquidIntervals.Native;

    public VenueEndpoint Endpoint => _http.Endpoint;

    public async Task<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken)
    {
        const string context = "metaAndAssetCtxs";
        using var doc = await PostAsync("""{"type":"metaAndAssetCtxs"}""", cancellationToken);
        var (universe, contexts) = ParseMetaAndContexts(doc.RootElement);
        var specs = new List<InstrumentSpec>(universe.Assets.Count);
        foreach (var asset in universe.Assets)
        {
            if (asset.IsDelisted)
            {
                continue;
            }

            var markPrice = 0m;
            if (asset.Index < contexts.GetArrayLength()
                && contexts[asset.Index].ValueKind == JsonValueKind.Object
                && contexts[asset.Index].TryGetProperty("markPx", out var mark)
                && mark.ValueKind != JsonValueKind.Null)
            {
                markPrice = Json.Decimal(contexts[asset.Index], "markPx", context);
            }

            var lot = HyperliquidTickSize.LotStep(asset.SzDecimals);
            specs.Add(new InstrumentSpec(
                new Ticker(ExchangeId.Hyperliquid, asset.Name, "USDC", "USDC"),
                HyperliquidTickSize.PerpTick(markPrice, asset.SzDecimals),
                lot,
                lot,
                MinOrderValue,
                MarketType.Perpetual,
                FundingInterval,
                asset.MaxLeverage));
        }

        return specs;
    }

    public async Task<CandleSeries> GetCandlesAsync(
        Ticker ticker, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ValidateRange(fromMs, toMs);
        var coin = await ResolveCoinAsync(ticker, cancellationToken);
        if (toMs <= fromMs)
        {
            return CandleSeries.Empty;
        }

        if (HyperliquidIntervals.TryGet(timeframe, out var interval))
        {
            return await FetchCandlesAsync(coin, timeframe, interval, fromMs, toMs, progress, cancellationToken);
        }

        // Monday-aligned weeks from daily bars: fetch whole weeks around the range, then keep the bars that open in it.
        var daily = await FetchCandlesAsync(
            coin, Timeframe.D1, Timeframe.D1.Name, timeframe.Floor(fromMs), timeframe.Next(toMs - 1), progress, cancellationToken);
        return daily.Resample(Timeframe.D1, timeframe, includePartial: true).Between(fromMs, toMs);
    }

    public async Task<TickerQuote> GetTickerAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        const string context = "metaAndAssetCtxs";
        EnsureTicker(ticker);
        JsonElement assetContext;
        string coin;
        using (var doc = await PostAsync("""{"type":"metaAndAssetCtxs"}""", cancellationToken))
        {
            var (universe, contexts) = ParseMetaAndContexts(doc.RootElement);
            if (!universe.TryFind(ticker.Base, out var asset))
            {
                throw UnknownSymbol(ticker, universe);
            }

            if (asset.Index >= contexts.GetArrayLength())
            {
                throw Json.Shape(context, $"no asset context for {asset.Name} (index {asset.Index})");
            }

            coin = asset.Name;
            assetContext = contexts[asset.Index].Clone();
        }

        var mark = Json.Double(assetContext, "markPx", context);
        var last = assetContext.TryGetProperty("midPx", out var mid) && mid.ValueKind != JsonValueKind.Null
            ? Json.AsDouble(mid, "midPx", context)
            : mark;
        var open = Json.Double(assetContext, "prevDayPx", context);
        var quoteVolume = Json.Double(assetContext, "dayNtlVlm", context);

        var book = await ReadBookAsync(coin, cancellationToken);

        // The asset context has no 24h high, low or base volume; the last 24 hourly candles do.
        var hour = Timeframe.H1.Floor(_time.GetUtcNow().ToUnixTimeMilliseconds());
        var day = await FetchCandlesAsync(coin, Timeframe.H1, "1h", hour - (23 * Timeframe.H1.NominalMilliseconds), hour + Timeframe.H1.NominalMilliseconds, null, cancellationToken);
        double high = last, low = last, volume = 0;
        for (var i = 0; i < day.Count; i++)
        {
            high = Math.Max(high, day.High[i]);
            low = Math.Min(low, day.Low[i]);
            volume += day.Volume[i];
        }

        return new TickerQuote(Canonical(coin), book.Time, last, book.BidPrice, book.AskPrice, open, high, low, volume, quoteVolume);
    }

    public async Task<TopOfBook> GetTopOfBookAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var coin = await ResolveCoinAsync(ticker, cancellationToken);
        return await ReadBookAsync(coin, cancellationToken);
    }

    public async Task<IReadOnlyList<FundingRate>> GetFundingRatesAsync(
        Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        const string context = "fundingHistory";
        ValidateRange(fromMs, toMs);
        var coin = await ResolveCoinAsync(ticker, cancellationToken);
        var rates = new List<FundingRate>();
        var cursor = fromMs;
        var lastTime = long.MinValue;
        while (cursor < toMs)
        {
            // startTime and endTime are both inclusive; each answer holds at most 500 events, oldest first.
            var body = string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"type":"fundingHistory","coin":{{Quote(coin)}},"startTime":{{cursor}},"endTime":{{toMs - 1}}}""");
            var added = 0;
            using (var doc = await PostAsync(body, cancellationToken))
            {
                foreach (var entry in Json.ExpectArray(doc.RootElement, context).EnumerateArray())
                {
                    var time = Json.Int64(entry, "time", context);
                    if (time < cursor || time >= toMs || time <= lastTime)
                    {
                        continue;
                    }

                    rates.Add(new FundingRate(time, Json.Double(entry, "fundingRate", context)));
                    lastTime = time;
                    added++;
                }
            }

            if (added == 0)
            {
                break;
            }

            cursor = lastTime + 1;
        }

        return rates;
    }

    /// <summary>
    /// Pages <c>candleSnapshot</c> forward: each answer starts at <c>startTime</c> and holds at most 500 candles (only
    /// the newest 5000 per interval exist at all), so the next page starts one bar after the last bar received.
    /// </summary>
    private async Task<CandleSeries> FetchCandlesAsync(
        string coin, Timeframe timeframe, string interval, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        const string context = "candleSnapshot";
        var builder = new CandleSeriesBuilder((int)Math.Min(timeframe.CountBars(fromMs, toMs) + 1, 5001));
        var cursor = fromMs;
        while (cursor < toMs)
        {
            var request = string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"coin":{{Quote(coin)}},"interval":"{{interval}}","startTime":{{cursor}},"endTime":{{toMs - 1}}""");
            var body = """{"type":"candleSnapshot","req":""" + request + "}}";
            var added = 0;
            using (var doc = await PostAsync(body, cancellationToken))
            {
                foreach (var candle in Json.ExpectArray(doc.RootElement, context).EnumerateArray())
                {
                    var time = Json.Int64(candle, "t", context);
                    if (time < fromMs || time >= toMs || time <= builder.LastTime)
                    {
                        continue;
                    }

                    if (!timeframe.IsAligned(time))
                    {
                        throw Json.Shape(
                            context,
                            $"{coin} {interval} candle opens at {TimeFormat.ToIso(time)}, which is not a {timeframe} boundary in UTC");
                    }

                    builder.Add(
                        time,
                        Json.Double(candle, "o", context),
                        Json.Double(candle, "h", context),
                        Json.Double(candle, "l", context),
                        Json.Double(candle, "c", context),
                        Json.Double(candle, "v", context));
                    added++;
                }
            }

            if (added == 0)
            {
                break;
            }

            progress?.Report(builder.LastTime);
            cursor = timeframe.Next(builder.LastTime);
        }

        return builder.Build();
    }

    private async Task<TopOfBook> ReadBookAsync(string coin, CancellationToken cancellationToken)
    {
        const string context = "l2Book";
        var body = $$"""{"type":"l2Book","coin":{{Quote(coin)}}}""";
        using var doc = await PostAsync(body, cancellationToken);
        var root = doc.RootElement;
        var levels = Json.ExpectArray(Json.Property(root, "levels", context), context + " levels");
        if (levels.GetArrayLength() != 2)
        {
            throw Json.Shape(context, $"'levels' should hold [bids, asks] but has {levels.GetArrayLength()} entries");
        }

        var bids = Json.ExpectArray(levels[0], context + " bids");
        var asks = Json.ExpectArray(levels[1], context + " asks");
        if (bids.GetArrayLength() == 0 || asks.GetArrayLength() == 0)
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"Hyperliquid's {coin} book has no {(bids.GetArrayLength() == 0 ? "bids" : "asks")} right now.",
                "Retry later, or use the ticker's mark price (GetTickerAsync).");
        }

        // Levels come best first: bids descending, asks ascending.
        var time = root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.Number
            ? t.GetInt64()
            : _time.GetUtcNow().ToUnixTimeMilliseconds();
        return new TopOfBook(
            Canonical(coin),
            time,
            Json.Double(bids[0], "px", context),
            Json.Double(bids[0], "sz", context),
            Json.Double(asks[0], "px", context),
            Json.Double(asks[0], "sz", context));
    }

    private async Task<string> ResolveCoinAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        EnsureTicker(ticker);
        var snapshot = Volatile.Read(ref _universe);
        var now = _time.GetUtcNow();
        if (snapshot is not null && now - snapshot.FetchedAt < UniverseLifetime && snapshot.Universe.TryFind(ticker.Base, out var cached))
        {
            return cached.Name;
        }

        // A coin missing from a cached universe may have been listed since; ask again before giving up.
        using var doc = await PostAsync("""{"type":"meta"}""", cancellationToken);
        var universe = HyperliquidUniverse.Parse(doc.RootElement, "meta");
        Volatile.Write(ref _universe, new UniverseSnapshot(universe, now));
        return universe.TryFind(ticker.Base, out var asset) ? asset.Name : throw UnknownSymbol(ticker, universe);
    }

    private (HyperliquidUniverse Universe, JsonElement Contexts) ParseMetaAndContexts(JsonElement root)
    {
        const string context = "metaAndAssetCtxs";
        Json.ExpectArray(root, context);
        if (root.GetArrayLength() != 2)
        {
            throw Json.Shape(context, $"expected [meta, assetContexts] but got {root.GetArrayLength()} elements");
        }

        var universe = HyperliquidUniverse.Parse(root[0], context);
        Volatile.Write(ref _universe, new UniverseSnapshot(universe, _time.GetUtcNow()));
        return (universe, Json.ExpectArray(root[1], context + " asset contexts"));
    }

    private Task<JsonDocument> PostAsync(string body, CancellationToken cancellationToken) =>
        _http.PostJsonAsync(InfoPath, body, cancellationToken);

    private static void EnsureTicker(Ticker ticker)
    {
        if (ticker.Exchange != ExchangeId.Hyperliquid)
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidTicker,
                $"Ticker '{ticker}' is not a Hyperliquid ticker.",
                "Use HYPERLIQUID:<COIN>/USDC, e.g. HYPERLIQUID:BTC/USDC.");
        }

        if (ticker.Quote is not ("USDC" or "USDT" or "USD") || ticker.Settle is not (null or "USDC"))
        {
            ThrowHelper.Throw(
                ErrorCode.UnknownSymbol,
                $"Hyperliquid has no market '{ticker}': every Hyperliquid perp is quoted and settled in USDC.",
                $"Use HYPERLIQUID:{ticker.Base}/USDC (HYPERLIQUID:{ticker.Base}/USDT means the same perp).");
        }
    }

    private static TradewindException UnknownSymbol(Ticker ticker, HyperliquidUniverse universe)
    {
        var close = universe.Suggest(ticker.Base);
        var hint = close.Count > 0
            ? $"Did you mean {string.Join(", ", close)}? "
            : string.Empty;
        return new TradewindException(
            ErrorCode.UnknownSymbol,
            $"Hyperliquid lists no perp '{ticker.Base}' (ticker {ticker}).",
            $"{hint}Write HYPERLIQUID:<COIN>/USDC with a coin from the instrument list (GetInstrumentsAsync).");
    }

    private static Ticker Canonical(string coin) => new(ExchangeId.Hyperliquid, coin, "USDC", "USDC");

    private static string Quote(string coin) => "\"" + JsonEncodedText.Encode(coin).ToString() + "\"";

    private static void ValidateRange(long fromMs, long toMs)
    {
        if (fromMs < 0 || toMs < 0)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"Time range [{fromMs}, {toMs}) has a negative bound.",
                "Pass Unix milliseconds (UTC) with from < to.");
        }
    }

    private sealed record UniverseSnapshot(HyperliquidUniverse Universe, DateTimeOffset FetchedAt);
}
