using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Upbit;

/// <summary>
/// Public market data from Upbit (<c>upbit</c>, spot only): tickers like <c>UPBIT:BTC/KRW</c> for Upbit's
/// <c>KRW-BTC</c>, served from <c>https://api.upbit.com</c> unless the endpoint names another base URL.
/// Upbit pages candles backwards from an exclusive <c>to</c>, 200 at a time, newest first; this provider walks back to
/// <c>from</c> and returns the bars oldest first. Requests are paced by the <c>Remaining-Req</c> header.
/// </summary>
public sealed class UpbitMarketDataProvider : IMarketDataProvider
{
    /// <summary>Candles per request, Upbit's maximum.</summary>
    public const int CandleLimit = 200;

    /// <summary>How long /v1/market/all is trusted before it is read again.</summary>
    public static readonly TimeSpan InstrumentsLifetime = TimeSpan.FromHours(1);

    private const string MarketsPath = "/v1/market/all";
    private const string TickerPath = "/v1/ticker";
    private const string OrderbookPath = "/v1/orderbook";

    private readonly UpbitRequestPacer _pacer;
    private readonly VenueHttp _http;
    private readonly ExpiringCache<IReadOnlyList<InstrumentSpec>> _instruments;

    /// <param name="http">The client requests go through; the caller owns it.</param>
    /// <param name="endpoint">Base URL and retry settings; null for the production API.</param>
    /// <param name="time">The clock for back-off, pacing and the instrument cache; null for the system clock.</param>
    public UpbitMarketDataProvider(HttpClient http, VenueEndpoint? endpoint = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var clock = time ?? TimeProvider.System;
        _pacer = new UpbitRequestPacer(clock);
        _http = new VenueHttp(UpbitMarkets.Venue, http, endpoint ?? new VenueEndpoint { BaseUrl = DefaultBaseUrl }, clock)
        {
            Pacer = _pacer,
            ErrorTranslator = UpbitErrors.Translate,
        };
        _instruments = new ExpiringCache<IReadOnlyList<InstrumentSpec>>(clock, InstrumentsLifetime, LoadMarketsAsync);
    }

    /// <summary>The production base URL.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://api.upbit.com");

    public ExchangeId Exchange => ExchangeId.Upbit;

    /// <summary>Every Tradewind timeframe: Upbit has a candle endpoint for each (see <see cref="UpbitMarkets.CandlePath"/>).</summary>
    public IReadOnlyList<Timeframe> NativeTimeframes => Timeframe.All;

    /// <summary>The base URL and retry settings in use.</summary>
    public VenueEndpoint Endpoint => _http.Endpoint;

    /// <summary>Retries VenueHttp made after 429/418/5xx, for diagnostics.</summary>
    public int RetryCount => _http.RetryCount;

    internal UpbitRequestPacer Pacer => _pacer;

    public Task<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        _instruments.GetAsync(cancellationToken);

    public async Task<CandleSeries> GetCandlesAsync(
        Ticker ticker, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var market = UpbitMarkets.ToMarketCode(ticker);
        var path = UpbitMarkets.CandlePath(timeframe);
        if (toMs <= fromMs)
        {
            return CandleSeries.Empty;
        }

        var capacity = (int)Math.Min(timeframe.CountBars(fromMs, toMs), 1_000_000);
        var descending = new CandleSeriesBuilder(Math.Max(capacity, 4));
        var cursor = toMs;
        var newest = long.MinValue;
        while (cursor > fromMs)
        {
            var count = (int)Math.Min(CandleLimit, timeframe.CountBars(fromMs, cursor));
            if (count <= 0)
            {
                break;
            }

            var query = string.Create(
                CultureInfo.InvariantCulture,
                $"{path}?market={market}&to={UpbitJson.FormatTo(cursor)}&count={count}");
            UpbitPage page;
            using (var doc = await GetAsync(ticker, query, cancellationToken))
            {
                page = UpbitResponses.ReadCandles(doc.RootElement, timeframe, fromMs, cursor, descending, path);
            }

            // Upbit makes a candle only when something traded, so a page can be short; only an empty page, or one
            // that does not move back, ends the walk.
            if (page.Rows == 0 || page.Oldest >= cursor)
            {
                break;
            }

            if (page.Newest > newest)
            {
                newest = page.Newest;
                progress?.Report(Math.Min(newest, toMs - 1));
            }

            cursor = page.Oldest;
        }

        var series = descending.Build();
        Array.Reverse(series.Time);
        Array.Reverse(series.Open);
        Array.Reverse(series.High);
        Array.Reverse(series.Low);
        Array.Reverse(series.Close);
        Array.Reverse(series.Volume);
        return series;
    }

    public async Task<TickerQuote> GetTickerAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var market = UpbitMarkets.ToMarketCode(ticker);

        // The ticker has no bid or ask; the orderbook's best level supplies them.
        var book = await GetTopOfBookAsync(ticker, cancellationToken);
        using var doc = await GetAsync(ticker, TickerPath + "?markets=" + market, cancellationToken);
        return UpbitResponses.ReadTicker(doc.RootElement, ticker, book, TickerPath);
    }

    public async Task<TopOfBook> GetTopOfBookAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var market = UpbitMarkets.ToMarketCode(ticker);
        using var doc = await GetAsync(ticker, OrderbookPath + "?markets=" + market, cancellationToken);
        return UpbitResponses.ReadTopOfBook(doc.RootElement, ticker, OrderbookPath);
    }

    public Task<IReadOnlyList<FundingRate>> GetFundingRatesAsync(
        Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        TradewindException error;
        try
        {
            UpbitMarkets.ToMarketCode(ticker);
            error = new TradewindException(
                ErrorCode.DataUnavailable,
                $"'{ticker}' is an Upbit spot market; Upbit lists no perpetuals, so there is no funding.",
                "Funding rates are on binancefuturesusd (e.g. BINANCEFUTURESUSD:BTC/USDT:USDT), hyperliquid and lighter.");
        }
        catch (TradewindException ex)
        {
            error = ex;
        }

        return Task.FromException<IReadOnlyList<FundingRate>>(error);
    }

    private async Task<JsonDocument> GetAsync(Ticker ticker, string pathAndQuery, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.GetJsonAsync(pathAndQuery, cancellationToken);
        }
        catch (TradewindException ex) when (ex.Code == ErrorCode.UnknownSymbol)
        {
            throw await SymbolSuggestions.UnknownSymbolAsync(
                ticker,
                UpbitMarkets.Venue,
                UpbitMarkets.ToMarketCode(ticker),
                "market",
                " Upbit's KRW-BTC is Tradewind's UPBIT:BTC/KRW.",
                ex,
                GetInstrumentsAsync,
                cancellationToken);
        }
    }

    private async Task<IReadOnlyList<InstrumentSpec>> LoadMarketsAsync()
    {
        using var doc = await _http.GetJsonAsync(MarketsPath, CancellationToken.None);
        return UpbitResponses.ReadMarkets(doc.RootElement, MarketsPath);
    }
}
