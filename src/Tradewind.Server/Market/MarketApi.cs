using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;
using Tradewind.Server.Identity;

namespace Tradewind.Server.Market;

/// <summary>
/// <c>/api/v1/market</c>: symbols, tickers, funding rates and candles from the configured providers (the sim venue by
/// default). <c>POST /market/evaluate|scan|rank</c> run the Signal DSL and are mapped into this same group path by
/// <see cref="ResearchApi.MapResearchApi"/>.
/// </summary>
internal static class MarketApi
{
    public const int MaxTickersPerRequest = 20;
    public const int MaxCandlesPerRequest = 5000;

    private static readonly string[] MarketTypes = ["spot", "perpetual", "prediction"];
    private static readonly string[] Categories = ["top_market_cap", "trending"];

    public static IEndpointRouteBuilder MapMarketApi(this IEndpointRouteBuilder app)
    {
        var market = app.MapGroup("/api/v1/market").WithTags("Market");
        market.MapGet("/symbols", GetSymbolsAsync).Public();
        market.MapGet("/ticker", GetTickerAsync).RequireAgent(Scopes.Research);
        market.MapPost("/ticker", GetTickersAsync).RequireAgent(Scopes.Research);
        market.MapGet("/funding-rates", GetFundingRatesAsync).RequireAgent(Scopes.Research);
        market.MapGet("/ohlcv", GetOhlcvAsync).RequireAgent(Scopes.Research);
        return app;
    }

    public static async Task<Ok<ApiResponse<SymbolsResponse>>> GetSymbolsAsync(
        HttpContext context,
        ProviderRegistry providers,
        IOptions<ServerOptions> options,
        [FromQuery] string? exchange,
        [FromQuery(Name = "market_type")] string? marketType,
        [FromQuery] string? category,
        [FromQuery] string? sector,
        [FromQuery] string? limit,
        CancellationToken ct)
    {
        var venue = ResolveExchange(exchange, options.Value);
        var type = QueryValues.OneOf(marketType, "market_type", MarketTypes);
        var sort = QueryValues.OneOf(category, "category", Categories);
        var wantedSector = sector is null ? null : QueryValues.OneOf(sector, "sector", [.. AssetSectors.Names]);
        var max = QueryValues.Int(limit, "limit", 100, 1, 500);
        var provider = providers.Get(venue);

        var instruments = (await provider.GetInstrumentsAsync(ct))
            .Where(i => type is null || string.Equals(i.ContractType.ToString(), type, StringComparison.OrdinalIgnoreCase))
            .Where(i => wantedSector is null || string.Equals(AssetSectors.Of(i.Ticker.Base), wantedSector, StringComparison.Ordinal))
            .ToList();

        if (sort is not null)
        {
            // Venues publish no market caps: "top_market_cap" ranks by 24h quote volume, "trending" by the size of the 24h move.
            var quotes = await QuoteAllAsync(provider, instruments.Select(i => i.Ticker).ToList(), ct);
            instruments = instruments
                .Select((i, n) => (Instrument: i, Quote: quotes[n]))
                .OrderByDescending(x => sort == "trending" ? Math.Abs(x.Quote.Change24hPct) : x.Quote.QuoteVolume24h)
                .Select(x => x.Instrument)
                .ToList();
        }

        var symbols = instruments.Take(max).Select(i => new SymbolInfo(
            i.Ticker.Symbol,
            i.Ticker.ToString(),
            venue.Id(),
            i.ContractType.ToString().ToLowerInvariant(),
            i.Ticker.Base,
            i.Ticker.Quote,
            i.Ticker.Settle,
            AssetSectors.Of(i.Ticker.Base),
            i.TickSize,
            i.LotStep,
            i.MinQuantity,
            i.MinNotional,
            i.MaxLeverage)).ToArray();
        return Envelope.Ok(context, new SymbolsResponse(venue.Id(), symbols.Length, symbols));
    }

    public static async Task<Ok<ApiResponse<TickerInfo>>> GetTickerAsync(
        HttpContext context,
        ProviderRegistry providers,
        IOptions<ServerOptions> options,
        [FromQuery] string? symbol,
        [FromQuery] string? exchange,
        [FromQuery(Name = "market_type")] string? marketType,
        CancellationToken ct)
    {
        var venue = ResolveExchange(exchange, options.Value);
        var ticker = ResolveTicker(QueryValues.Require(symbol, "symbol", "BTC/USDT"), venue, marketType, "symbol");
        var quote = await providers.Get(venue).GetTickerAsync(ticker, ct);
        return Envelope.Ok(context, ToInfo(quote));
    }

    public static async Task<Ok<ApiResponse<TickersResponse>>> GetTickersAsync(
        TickersRequest request, HttpContext context, ProviderRegistry providers, IOptions<ServerOptions> options, CancellationToken ct)
    {
        var venue = ResolveExchange(request.Exchange, options.Value);
        if (request.Symbols is not { Count: > 0 } symbols)
        {
            throw new TradewindException(ErrorCode.ValidationError, "'symbols' is required and must not be empty.", "Send 'symbols' as an array, e.g. [\"BTC/USDT\", \"ETH/USDT\"].");
        }

        if (symbols.Count > MaxTickersPerRequest)
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                $"'symbols' has {symbols.Count} entries; at most {MaxTickersPerRequest} are allowed per request.",
                $"Split the list into requests of {MaxTickersPerRequest} symbols.");
        }

        var tickers = new List<Ticker>(symbols.Count);
        for (var i = 0; i < symbols.Count; i++)
        {
            tickers.Add(ResolveTicker(symbols[i], venue, request.MarketType, $"symbols[{i}]"));
        }

        var quotes = await QuoteAllAsync(providers.Get(venue), tickers, ct);
        return Envelope.Ok(context, new TickersResponse(venue.Id(), quotes.Length, quotes.Select(ToInfo).ToArray()));
    }

    public static async Task<Ok<ApiResponse<FundingRatesResponse>>> GetFundingRatesAsync(
        HttpContext context,
        ProviderRegistry providers,
        IOptions<ServerOptions> options,
        TimeProvider time,
        [FromQuery] string? exchange,
        [FromQuery] string? symbol,
        [FromQuery] string? limit,
        CancellationToken ct)
    {
        var venue = ResolveExchange(exchange, options.Value);
        var max = QueryValues.Int(limit, "limit", 20, 1, 100);
        var provider = providers.Get(venue);
        List<Ticker> tickers;
        if (!string.IsNullOrWhiteSpace(symbol))
        {
            tickers = [ResolveTicker(symbol, venue, "perpetual", "symbol")];
        }
        else
        {
            tickers = (await provider.GetInstrumentsAsync(ct))
                .Where(i => i.ContractType == MarketType.Perpetual)
                .Take(max)
                .Select(i => i.Ticker)
                .ToList();
            if (tickers.Count == 0)
            {
                throw new TradewindException(
                    ErrorCode.DataUnavailable,
                    $"{venue.Id()} lists no perpetuals, so it has no funding rates.",
                    "Ask a perpetual venue: hyperliquid, lighter, binancefuturesusd or sim.");
            }
        }

        // Funding is paid every 1 to 8 hours on the supported venues: the last three days always hold the latest event.
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var from = now - (long)TimeSpan.FromDays(3).TotalMilliseconds;
        var rates = await ForEachAsync(tickers, async (t, token) =>
        {
            var events = await provider.GetFundingRatesAsync(t, from, now + 1, token);
            return events.Count == 0 ? null : new FundingRateInfo(t.Symbol, t.ToString(), events[^1].Rate, TimeFormat.ToIso(events[^1].Time), events[^1].Time);
        }, ct);
        var list = rates.Where(r => r is not null).Select(r => r!).ToArray();
        return Envelope.Ok(context, new FundingRatesResponse(venue.Id(), list.Length, list));
    }

    public static async Task<Ok<ApiResponse<OhlcvResponse>>> GetOhlcvAsync(
        HttpContext context,
        CandleService candles,
        IOptions<ServerOptions> options,
        TimeProvider time,
        [FromQuery] string? symbol,
        [FromQuery] string? exchange,
        [FromQuery] string? timeframe,
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        [FromQuery] string? limit,
        [FromQuery(Name = "market_type")] string? marketType,
        CancellationToken ct)
    {
        var venue = ResolveExchange(exchange, options.Value);
        var ticker = ResolveTicker(QueryValues.Require(symbol, "symbol", "BTC/USDT"), venue, marketType, "symbol");
        var tf = string.IsNullOrWhiteSpace(timeframe) ? Timeframe.H1 : ParseTimeframe(timeframe);
        var max = QueryValues.Int(limit, "limit", 500, 1, MaxCandlesPerRequest);
        var end = string.IsNullOrWhiteSpace(endDate) ? time.GetUtcNow().ToUnixTimeMilliseconds() : TimeFormat.ParseUtc(endDate, "end_date");
        var start = string.IsNullOrWhiteSpace(startDate) ? end - (max * tf.NominalMilliseconds) : TimeFormat.ParseUtc(startDate, "start_date");
        if (end <= start)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"'end_date' ({TimeFormat.ToIso(Math.Max(end, 0))}) is not after 'start_date' ({TimeFormat.ToIso(Math.Max(start, 0))}).", "Pass an end_date later than start_date.");
        }

        var bars = (end - start) / tf.NominalMilliseconds;
        if (bars > MaxCandlesPerRequest)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"The range holds about {bars} {tf} bars; at most {MaxCandlesPerRequest} are returned per request.",
                "Narrow start_date..end_date, use a larger timeframe, or page through the range in several requests.");
        }

        var series = (await candles.GetCandlesAsync(ticker, tf, start, end, null, ct)).Candles;
        if (series.Count == 0)
        {
            throw new TradewindException(
                ErrorCode.DataUnavailable,
                $"No {tf} candles of {ticker} between {TimeFormat.ToIso(Math.Max(start, 0))} and {TimeFormat.ToIso(Math.Max(end, 0))}.",
                "Check the range: only closed bars are returned, and a market has no bars before it was listed.");
        }

        var first = Math.Max(0, series.Count - max);
        var rows = new CandleInfo[series.Count - first];
        for (var i = first; i < series.Count; i++)
        {
            rows[i - first] = new CandleInfo(series.Time[i], TimeFormat.ToIso(series.Time[i]), series.Open[i], series.High[i], series.Low[i], series.Close[i], series.Volume[i]);
        }

        return Envelope.Ok(context, new OhlcvResponse(ticker.Symbol, ticker.ToString(), venue.Id(), tf.Name, rows.Length, rows));
    }

    internal static ExchangeId ResolveExchange(string? exchange, ServerOptions options) =>
        Exchanges.Parse(string.IsNullOrWhiteSpace(exchange) ? options.DefaultExchange : exchange);

    /// <summary>A plain <c>BASE/QUOTE</c> on the exchange, or a full ticker; <c>market_type=perpetual</c> selects the perp.</summary>
    internal static Ticker ResolveTicker(string? symbol, ExchangeId exchange, string? marketType, string field)
    {
        var type = QueryValues.OneOf(marketType, "market_type", MarketTypes);
        if (!Ticker.TryParse(symbol, exchange, out var ticker, out var error))
        {
            throw new TradewindException(error.Code, $"'{field}': {error.Message}", error.Suggestion);
        }

        if (type == "perpetual" && ticker.MarketType != MarketType.Perpetual)
        {
            ticker = new Ticker(ticker.Exchange, ticker.Base, ticker.Quote, ticker.Quote);
        }

        return ticker;
    }

    private static Timeframe ParseTimeframe(string text) =>
        Timeframe.TryParse(text, out var tf)
            ? tf
            : ThrowHelper.Throw<Timeframe>(ErrorCode.ValidationError, $"'timeframe' = '{text}' is not a timeframe.", $"Valid timeframes: {Timeframe.ValidNames} (1m = minute, 1M = month).");

    private static Task<TickerQuote[]> QuoteAllAsync(IMarketDataProvider provider, IReadOnlyList<Ticker> tickers, CancellationToken ct) =>
        ForEachAsync(tickers, provider.GetTickerAsync, ct);

    /// <summary>Runs one venue call per ticker, at most eight at a time, keeping the order.</summary>
    private static async Task<TResult[]> ForEachAsync<TResult>(IReadOnlyList<Ticker> tickers, Func<Ticker, CancellationToken, Task<TResult>> call, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(8);
        var tasks = tickers.Select(async t =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await call(t, ct);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        return await Task.WhenAll(tasks);
    }

    private static TickerInfo ToInfo(TickerQuote q) => new(
        q.Ticker.Symbol,
        q.Ticker.ToString(),
        q.Ticker.Exchange.Id(),
        q.Ticker.MarketType.ToString().ToLowerInvariant(),
        q.Last,
        q.Bid,
        q.Ask,
        q.Open24h,
        q.High24h,
        q.Low24h,
        q.Volume24h,
        q.QuoteVolume24h,
        q.Change24hPct,
        TimeFormat.ToIso(q.Time));
}
