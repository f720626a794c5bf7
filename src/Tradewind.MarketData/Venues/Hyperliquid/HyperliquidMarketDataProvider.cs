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
    private static readonly UsdcPerpTickers Tickers = new(ExchangeId.Hyperliquid, Venue, "coin");
    private static readonly TimeSpan UniverseLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FundingInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Timeframes that map one-to-one onto Hyperliquid candle intervals, spelled the same ("1m" minute, "1M" month).
    /// Hyperliquid also has 1w, but its weeks open on Thursday (epoch-aligned) while Tradewind weeks open on Monday, so
    /// 1w is built from 1d instead.
    /// </summary>
    private static readonly Timeframe[] Intervals =
    [
        Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.M30, Timeframe.H1, Timeframe.H4, Timeframe.D1, Timeframe.Month1,
    ];

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
    public IReadOnlyList<Timeframe> NativeTimeframes => Intervals;

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
        VenueCandles.ValidateRange(fromMs, toMs);
        var coin = await ResolveCoinAsync(ticker, cancellationToken);
        if (toMs <= fromMs)
        {
            return CandleSeries.Empty;
        }

        return await VenueCandles.NativeOrFromDailyAsync(
            Intervals,
            timeframe,
            fromMs,
            toMs,
            (native, from, to) => FetchCandlesAsync(coin, native, from, to, progress, cancellationToken));
    }

    public async Task<TickerQuote> GetTickerAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        const string context = "metaAndAssetCtxs";
        Tickers.Ensure(ticker);
        JsonElement assetContext;
        string coin;
        using (var doc = await PostAsync("""{"type":"metaAndAssetCtxs"}""", cancellationToken))
        {
            var (universe, contexts) = ParseMetaAndContexts(doc.RootElement);
            if (!universe.TryFind(ticker.Base, out var asset))
            {
                throw Tickers.Unknown(ticker, universe.Suggest(ticker.Base));
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
        var day = await FetchCandlesAsync(coin, Timeframe.H1, hour - (23 * Timeframe.H1.NominalMilliseconds), hour + Timeframe.H1.NominalMilliseconds, null, cancellationToken);
        double high = last, low = last, volume = 0;
        for (var i = 0; i < day.Count; i++)
        {
            high = Math.Max(high, day.High[i]);
            low = Math.Min(low, day.Low[i]);
            volume += day.Volume[i];
        }

        return new TickerQuote(Tickers.Canonical(coin), book.Time, last, book.BidPrice, book.AskPrice, open, high, low, volume, quoteVolume);
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
        VenueCandles.ValidateRange(fromMs, toMs);
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
        string coin, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        const string context = "candleSnapshot";
        var interval = timeframe.Name;
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
                        throw Json.Misaligned(timeframe, time, context + " " + coin);
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
            Tickers.Canonical(coin),
            time,
            Json.Double(bids[0], "px", context),
            Json.Double(bids[0], "sz", context),
            Json.Double(asks[0], "px", context),
            Json.Double(asks[0], "sz", context));
    }

    private async Task<string> ResolveCoinAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        Tickers.Ensure(ticker);
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
        return universe.TryFind(ticker.Base, out var asset) ? asset.Name : throw Tickers.Unknown(ticker, universe.Suggest(ticker.Base));
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

    private static string Quote(string coin) => "\"" + JsonEncodedText.Encode(coin).ToString() + "\"";

    private sealed record UniverseSnapshot(HyperliquidUniverse Universe, DateTimeOffset FetchedAt);
}
