using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// Public market data from Binance: klines, exchangeInfo, 24hr ticker, bookTicker and (USD-M) funding history.
/// <see cref="BinanceSpotMarketDataProvider"/> and <see cref="BinanceFuturesUsdMarketDataProvider"/> are the two
/// venues; they differ only in the <see cref="BinanceMarket"/> they pass in.
/// <see cref="VenueHttp"/> paces requests by their weight (see <see cref="BinanceWeightPacer"/>) and reads Binance's
/// error bodies (see <see cref="BinanceErrors"/>); instruments are cached for an hour.
/// </summary>
public abstract class BinanceMarketDataProvider : IMarketDataProvider
{
    /// <summary>How long exchangeInfo is trusted before it is read again.</summary>
    public static readonly TimeSpan InstrumentsLifetime = TimeSpan.FromHours(1);

    private readonly BinanceMarket _market;
    private readonly VenueHttp _http;
    private readonly TimeProvider _time;
    private readonly ExpiringCache<BinanceExchangeInfo> _exchangeInfo;

    private protected BinanceMarketDataProvider(BinanceMarket market, HttpClient http, VenueEndpoint? endpoint, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(http);
        _market = market;
        _time = time ?? TimeProvider.System;
        Pacer = new BinanceWeightPacer(_time, market.DefaultWeightLimit);
        _http = new VenueHttp(market.Venue, http, endpoint ?? new VenueEndpoint { BaseUrl = market.DefaultBaseUrl }, _time)
        {
            Pacer = Pacer,
            ErrorTranslator = (request, status, body) => BinanceErrors.Translate(market.Venue, request, status, body),
        };
        _exchangeInfo = new ExpiringCache<BinanceExchangeInfo>(_time, InstrumentsLifetime, LoadExchangeInfoAsync);
    }

    public ExchangeId Exchange => _market.Exchange;

    /// <summary>Every Tradewind timeframe: Binance has a kline interval for each (see <see cref="BinanceSymbols.Interval"/>).</summary>
    public IReadOnlyList<Timeframe> NativeTimeframes => Timeframe.All;

    /// <summary>The base URL and retry settings in use.</summary>
    public VenueEndpoint Endpoint => _http.Endpoint;

    /// <summary>Retries VenueHttp made after 429/418/5xx, for diagnostics.</summary>
    public int RetryCount => _http.RetryCount;

    internal BinanceWeightPacer Pacer { get; }

    public async Task<IReadOnlyList<InstrumentSpec>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        (await _exchangeInfo.GetAsync(cancellationToken)).Instruments;

    public async Task<CandleSeries> GetCandlesAsync(
        Ticker ticker, Timeframe timeframe, long fromMs, long toMs, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var symbol = BinanceSymbols.ToSymbol(ticker, _market);
        var interval = BinanceSymbols.Interval(timeframe);
        if (toMs <= fromMs)
        {
            return CandleSeries.Empty;
        }

        var capacity = (int)Math.Min(timeframe.CountBars(fromMs, toMs), 1_000_000);
        var builder = new CandleSeriesBuilder(Math.Max(capacity, 4));
        var path = _market.KlinesPath;
        var start = fromMs;
        while (start < toMs)
        {
            // Ask for exactly the bars left, so the last page is no bigger than it needs to be.
            var limit = (int)Math.Min(BinanceMarket.KlineLimit, timeframe.CountBars(start, toMs));
            if (limit <= 0)
            {
                break;
            }

            var query = string.Create(
                CultureInfo.InvariantCulture,
                $"{path}?symbol={symbol}&interval={interval}&startTime={start}&endTime={toMs - 1}&limit={limit}");
            BinancePage page;
            using (var doc = await GetAsync(ticker, query, _market.KlinesWeight(limit), cancellationToken))
            {
                page = BinanceResponses.ReadKlines(doc.RootElement, timeframe, fromMs, toMs, builder, _market.Json, path);
            }

            if (page.Rows == 0)
            {
                break;
            }

            if (builder.Count > 0)
            {
                progress?.Report(builder.LastTime);
            }

            var next = timeframe.Next(page.LastTime);
            if (page.Rows < limit || next <= start)
            {
                break;
            }

            start = next;
        }

        return builder.Build();
    }

    public async Task<TickerQuote> GetTickerAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var symbol = BinanceSymbols.ToSymbol(ticker, _market);

        // USD-M's 24hr ticker has no bid or ask; bookTicker supplies them.
        var book = _market.IsFutures ? await GetTopOfBookAsync(ticker, cancellationToken) : null;
        var path = _market.Ticker24hPath;
        using var doc = await GetAsync(ticker, path + "?symbol=" + symbol, _market.TickerWeight, cancellationToken);
        return BinanceResponses.ReadTicker(doc.RootElement, ticker, _market.Json, path, book);
    }

    public async Task<TopOfBook> GetTopOfBookAsync(Ticker ticker, CancellationToken cancellationToken)
    {
        var symbol = BinanceSymbols.ToSymbol(ticker, _market);
        var path = _market.BookTickerPath;
        using var doc = await GetAsync(ticker, path + "?symbol=" + symbol, _market.BookTickerWeight, cancellationToken);
        return BinanceResponses.ReadBookTicker(
            doc.RootElement, ticker, _time.GetUtcNow().ToUnixTimeMilliseconds(), _market.Json, path);
    }

    public async Task<IReadOnlyList<FundingRate>> GetFundingRatesAsync(
        Ticker ticker, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var symbol = BinanceSymbols.ToSymbol(ticker, _market);
        if (_market.FundingRatePath is not { } path)
        {
            return ThrowHelper.Throw<IReadOnlyList<FundingRate>>(
                ErrorCode.DataUnavailable,
                $"'{ticker}' is a Binance spot market; spot markets have no funding.",
                $"Funding rates are on binancefuturesusd, e.g. BINANCEFUTURESUSD:{ticker.Base}/{ticker.Quote}:{ticker.Quote}.");
        }

        var events = new List<FundingRate>();
        var start = fromMs;
        while (start < toMs)
        {
            var query = string.Create(
                CultureInfo.InvariantCulture,
                $"{path}?symbol={symbol}&startTime={start}&endTime={toMs - 1}&limit={BinanceMarket.FundingLimit}");
            BinancePage page;
            using (var doc = await GetAsync(ticker, query, BinanceMarket.FundingWeight, cancellationToken))
            {
                page = BinanceResponses.ReadFunding(doc.RootElement, fromMs, toMs, events, _market.Json, path);
            }

            if (page.Rows < BinanceMarket.FundingLimit || page.LastTime < start)
            {
                break;
            }

            start = page.LastTime + 1;
        }

        return events;
    }

    /// <summary>Sends a GET; an unknown symbol comes back with the closest listed symbols as the suggestion.</summary>
    private async Task<JsonDocument> GetAsync(Ticker ticker, string pathAndQuery, int weight, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.GetJsonAsync(pathAndQuery, weight, cancellationToken);
        }
        catch (TradewindException ex) when (ex.Code == ErrorCode.UnknownSymbol)
        {
            throw await SymbolSuggestions.UnknownSymbolAsync(
                ticker, _market.Venue, ticker.Base + ticker.Quote, "symbol", string.Empty, ex, GetInstrumentsAsync, cancellationToken);
        }
    }

    private async Task<BinanceExchangeInfo> LoadExchangeInfoAsync()
    {
        var path = _market.ExchangeInfoPath;
        using var doc = await _http.GetJsonAsync(path, _market.ExchangeInfoWeight, CancellationToken.None);
        var info = BinanceResponses.ReadExchangeInfo(doc.RootElement, _market, path);
        if (info.WeightLimit is { } limit)
        {
            Pacer.SetLimit(limit);
        }

        return info;
    }
}
