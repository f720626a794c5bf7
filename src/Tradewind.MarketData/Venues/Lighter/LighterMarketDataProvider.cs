using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Lighter;

/// <summary>
/// Lighter's public market data (REST under <c>/api/v1</c>). <c>LIGHTER:BTC/USDC</c> and <c>LIGHTER:BTC/USDT</c> both
/// name the BTC perp, which settles in USDC; the ticker's base is Lighter's market symbol, mapped to its market id
/// through <c>orderBookDetails</c>. Spot books are not served.
/// </summary>
public sealed class LighterMarketDataProvider : IMarketDataProvider
{
    public const string MainnetUrl = "https://mainnet.zklighter.elliot.ai";
    public const string TestnetUrl = "https://testnet.zklighter.elliot.ai";

    /// <summary>Lighter answers at most 500 candles per call.</summary>
    public const int CandlesPerRequest = 500;

    /// <summary>Lighter answers at most 750 funding events per call; hourly windows of 500 stay well inside.</summary>
    public const int FundingsPerRequest = 500;

    private const string Venue = "Lighter";
    private static readonly VenueJson Json = LighterJson.Reader;
    private static readonly UsdcPerpTickers Tickers = new(ExchangeId.Lighter, Venue, "symbol");
    private static readonly TimeSpan MarketsLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FundingInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Timeframes Lighter's <c>candles</c> serves directly, spelled the same (its resolutions are 1m 5m 15m 30m 1h 4h 12h
    /// 1d 1w). Lighter has no month, and its week boundary is not documented, so 1w and 1M are built from 1d.
    /// </summary>
    private static readonly Timeframe[] Resolutions =
    [
        Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.M30, Timeframe.H1, Timeframe.H4, Timeframe.D1,
    ];

    private readonly VenueHttp _http;
    private readonly TimeProvider _time;
    private MarketsSnapshot? _markets;

    public LighterMarketDataProvider(HttpClient http, VenueEndpoint? endpoint = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _http = new VenueHttp(Venue, http, endpoint ?? Mainnet, _time);
    }

    /// <summary>Lighter's mainnet genesis, 2025-01-17T00:00:00Z.</summary>
    public static long GenesisMs { get; } = new DateTimeOffset(2025, 1, 17, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>
    /// Ranges are clipped to start here (default: mainnet genesis, before which Lighter has no data), so a request
    /// from 2020 does not walk years of empty windows. Set it lower for a venue with older data (e.g. a testnet).
    /// </summary>
    public long DataStartMs { get; init; } = GenesisMs;

    public static VenueEndpoint Mainnet => new() { BaseUrl = new Uri(MainnetUrl) };

    public static VenueEndpoint Testnet => new() { BaseUrl = new Uri(TestnetUrl) };

    public ExchangeId Exchange => ExchangeId.Lighter;

    /// <summary>1m 5m 15m 30m 1h 4h 1d; 1w and 1M are built from 1d.</summary>
    public IReadOnlyList<Timeframe> NativeTimeframes => Resolutions;

    public VenueEndpoint Endpoint => _http.Endpoint;

    public async Task<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken)
    {
        var markets = await LoadMarketsAsync(cancellationToken);
        var specs = new List<InstrumentSpec>(markets.Markets.Count);
        foreach (var market in markets.Markets)
        {
            if (!market.IsActive)
            {
                continue;
            }

            specs.Add(new InstrumentSpec(
                Tickers.Canonical(market.Symbol),
                PowerOfTen(-market.PriceDecimals),
                PowerOfTen(-market.SizeDecimals),
                market.MinBaseAmount,
                market.MinQuoteAmount,
                MarketType.Perpetual,
                FundingInterval,
                market.MaxLeverage));
        }

        return specs;
    }

    public async Task<CandleSeries> GetCandlesAsync(
        Ticker ticker, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        VenueCandles.ValidateRange(fromMs, toMs);
        var market = await ResolveAsync(ticker, cancellationToken);
        fromMs = Math.Max(fromMs, DataStartMs);
        if (toMs <= fromMs)
        {
            return CandleSeries.Empty;
        }

        return await VenueCandles.NativeOrFromDailyAsync(
            Resolutions,
            timeframe,
            fromMs,
            toMs,
            (native, from, to) => FetchCandlesAsync(market, native, from, to, progress, cancellationToken));
    }

    public async Task<TickerQuote> GetTickerAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        const string context = "orderBookDetails";
        var market = await ResolveAsync(ticker, cancellationToken);
        double last, high, low, change, baseVolume, quoteVolume;
        using (var doc = await _http.GetJsonAsync(
            string.Create(CultureInfo.InvariantCulture, $"api/v1/orderBookDetails?market_id={market.MarketId}"), cancellationToken))
        {
            LighterJson.EnsureOk(doc.RootElement, context);
            var details = Json.Array(doc.RootElement, "order_book_details", context);
            JsonElement? stats = null;
            foreach (var entry in details.EnumerateArray())
            {
                if (Json.Int64(entry, "market_id", context) == market.MarketId)
                {
                    stats = entry;
                }
            }

            if (stats is not { } s)
            {
                throw Json.Shape(context, $"no details for market_id {market.MarketId} ({market.Symbol})");
            }

            last = Json.Double(s, "last_trade_price", context);
            high = Json.Double(s, "daily_price_high", context);
            low = Json.Double(s, "daily_price_low", context);
            change = Json.Double(s, "daily_price_change", context);
            baseVolume = Json.Double(s, "daily_base_token_volume", context);
            quoteVolume = Json.Double(s, "daily_quote_token_volume", context);
        }

        // daily_price_change is the 24h change in percent, so the price 24h ago is last / (1 + change/100).
        var open = 1 + (change / 100) > 0 ? last / (1 + (change / 100)) : last;
        var book = await ReadBookAsync(market, cancellationToken);
        return new TickerQuote(Tickers.Canonical(market.Symbol), book.Time, last, book.BidPrice, book.AskPrice, open, high, low, baseVolume, quoteVolume);
    }

    public async Task<TopOfBook> GetTopOfBookAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var market = await ResolveAsync(ticker, cancellationToken);
        return await ReadBookAsync(market, cancellationToken);
    }

    public async Task<IReadOnlyList<FundingRate>> GetFundingRatesAsync(
        Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        const string context = "fundings";
        VenueCandles.ValidateRange(fromMs, toMs);
        var market = await ResolveAsync(ticker, cancellationToken);
        fromMs = Math.Max(fromMs, DataStartMs);
        toMs = Math.Min(toMs, Timeframe.H1.Next(_time.GetUtcNow().ToUnixTimeMilliseconds()));
        var rates = new List<FundingRate>();
        var hour = Timeframe.H1.NominalMilliseconds;

        // Windows of at most 500 funding hours, with count_back equal to the hours in the window, so an answer can never
        // be cut short whether Lighter counts from the window's start or back from its end. Timestamps are seconds.
        for (var windowStart = Timeframe.H1.Floor(fromMs); windowStart < toMs; windowStart += FundingsPerRequest * hour)
        {
            var windowEnd = Math.Min(windowStart + (FundingsPerRequest * hour), Timeframe.H1.Next(toMs - 1));
            var count = (windowEnd - windowStart) / hour;
            var path = string.Create(
                CultureInfo.InvariantCulture,
                $"api/v1/fundings?market_id={market.MarketId}&resolution=1h&start_timestamp={windowStart / 1000}&end_timestamp={(windowEnd / 1000) - 1}&count_back={count}");
            using var doc = await _http.GetJsonAsync(path, cancellationToken);
            LighterJson.EnsureOk(doc.RootElement, context);
            var lastTime = rates.Count > 0 ? rates[^1].Time : long.MinValue;
            foreach (var entry in Json.Array(doc.RootElement, "fundings", context).EnumerateArray())
            {
                var timestamp = Json.Int64(entry, "timestamp", context);
                var time = timestamp < 100_000_000_000 ? timestamp * 1000 : timestamp;
                if (time < fromMs || time >= toMs || time < windowStart || time >= windowEnd || time <= lastTime)
                {
                    continue;
                }

                // Lighter reports the hourly rate in percent with a direction: "long" means longs pay shorts.
                var rate = Json.Double(entry, "rate", context) / 100;
                var direction = Json.String(entry, "direction", context);
                rate = direction switch
                {
                    "long" => rate,
                    "short" => -rate,
                    _ => throw Json.Shape(context, $"field 'direction' = \"{direction}\" is neither \"long\" nor \"short\""),
                };
                rates.Add(new FundingRate(time, rate));
                lastTime = time;
            }
        }

        return rates;
    }

    /// <summary>
    /// Pages <c>candles</c> forward in windows of at most 500 bars, asking for exactly the bars in the window, so the
    /// answer is complete whichever end Lighter counts from; empty windows (no trades) are simply skipped.
    /// </summary>
    private async Task<CandleSeries> FetchCandlesAsync(
        LighterMarket market, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        const string context = "candles";
        var resolution = timeframe.Name;

        // Bars cannot open after the one forming now; windows beyond it would only come back empty.
        toMs = Math.Min(toMs, timeframe.Next(_time.GetUtcNow().ToUnixTimeMilliseconds()));
        var step = timeframe.NominalMilliseconds;
        var builder = new CandleSeriesBuilder((int)Math.Min(timeframe.CountBars(fromMs, toMs) + 1, 100_000));
        var windowStart = timeframe.IsAligned(fromMs) ? fromMs : timeframe.Next(fromMs);
        while (windowStart < toMs)
        {
            var count = Math.Min(CandlesPerRequest, timeframe.CountBars(windowStart, toMs));
            var windowEnd = windowStart + (count * step);
            var path = string.Create(
                CultureInfo.InvariantCulture,
                $"api/v1/candles?market_id={market.MarketId}&resolution={resolution}&start_timestamp={windowStart}&end_timestamp={windowEnd - 1}&count_back={count}");
            using (var doc = await _http.GetJsonAsync(path, cancellationToken))
            {
                LighterJson.EnsureOk(doc.RootElement, context);
                foreach (var candle in Json.Array(doc.RootElement, "c", context).EnumerateArray())
                {
                    var time = Json.Int64(candle, "t", context);
                    if (time < windowStart || time >= windowEnd || time >= toMs || time <= builder.LastTime)
                    {
                        continue;
                    }

                    if (!timeframe.IsAligned(time))
                    {
                        throw Json.Misaligned(timeframe, time, context + " " + market.Symbol);
                    }

                    builder.Add(
                        time,
                        Json.Double(candle, "o", context),
                        Json.Double(candle, "h", context),
                        Json.Double(candle, "l", context),
                        Json.Double(candle, "c", context),
                        Json.DoubleOrZero(candle, "v", context));
                }
            }

            if (builder.Count > 0)
            {
                progress?.Report(builder.LastTime);
            }

            windowStart = windowEnd;
        }

        return builder.Build();
    }

    /// <summary>Best bid and ask from <c>orderBookOrders</c>, which lists single resting orders, not price levels.</summary>
    private async Task<TopOfBook> ReadBookAsync(LighterMarket market, CancellationToken cancellationToken)
    {
        const string context = "orderBookOrders";
        var path = string.Create(CultureInfo.InvariantCulture, $"api/v1/orderBookOrders?market_id={market.MarketId}&limit=20");
        using var doc = await _http.GetJsonAsync(path, cancellationToken);
        LighterJson.EnsureOk(doc.RootElement, context);
        var (bid, bidSize) = Best(Json.Array(doc.RootElement, "bids", context), highest: true, context);
        var (ask, askSize) = Best(Json.Array(doc.RootElement, "asks", context), highest: false, context);
        if (double.IsNaN(bid) || double.IsNaN(ask))
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"Lighter's {market.Symbol} book has no {(double.IsNaN(bid) ? "bids" : "asks")} right now.",
                "Retry later, or use the last trade price (GetTickerAsync).");
        }

        return new TopOfBook(Tickers.Canonical(market.Symbol), _time.GetUtcNow().ToUnixTimeMilliseconds(), bid, bidSize, ask, askSize);
    }

    /// <summary>The best price among the orders and the summed remaining size of the orders at that price.</summary>
    private static (double Price, double Size) Best(JsonElement orders, bool highest, string context)
    {
        var best = double.NaN;
        var size = 0.0;
        foreach (var order in orders.EnumerateArray())
        {
            var price = Json.Double(order, "price", context);
            var remaining = Json.Double(order, "remaining_base_amount", context);
            if (double.IsNaN(best) || (highest ? price > best : price < best))
            {
                best = price;
                size = remaining;
            }
            else if (price == best)
            {
                size += remaining;
            }
        }

        return (best, size);
    }

    private async Task<LighterMarket> ResolveAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        Tickers.Ensure(ticker);
        var snapshot = Volatile.Read(ref _markets);
        if (snapshot is not null && _time.GetUtcNow() - snapshot.FetchedAt < MarketsLifetime && snapshot.Markets.TryFind(ticker.Base, out var cached))
        {
            return cached;
        }

        // A symbol missing from a cached list may have been listed since; ask again before giving up.
        var markets = await LoadMarketsAsync(cancellationToken);
        if (markets.TryFind(ticker.Base, out var market))
        {
            return market;
        }

        throw Tickers.Unknown(ticker, markets.Suggest(ticker.Base));
    }

    private async Task<LighterMarketList> LoadMarketsAsync(CancellationToken cancellationToken)
    {
        using var doc = await _http.GetJsonAsync("api/v1/orderBookDetails", cancellationToken);
        var markets = LighterMarketList.Parse(doc.RootElement, "orderBookDetails");
        Volatile.Write(ref _markets, new MarketsSnapshot(markets, _time.GetUtcNow()));
        return markets;
    }

    private static decimal PowerOfTen(int exponent)
    {
        var result = 1m;
        for (var i = 0; i > exponent; i--)
        {
            result /= 10m;
        }

        return result;
    }

    private sealed record MarketsSnapshot(LighterMarketList Markets, DateTimeOffset FetchedAt);
}
