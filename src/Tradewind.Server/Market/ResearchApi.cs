using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.Research;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;
using Tradewind.Server.Identity;
using Tradewind.Signals;

namespace Tradewind.Server.Market;

/// <summary>
/// <c>POST /api/v1/market/evaluate|scan|rank</c>: Signal DSL expressions over the latest closed bars of one symbol
/// (evaluate) or of a universe (scan keeps the symbols whose condition is true, rank orders them by a number).
/// </summary>
internal static partial class ResearchApi
{
    /// <summary>Most tickers in one scan or rank, also the largest N of <c>["topN"]</c>.</summary>
    public const int MaxUniverse = 500;

    /// <summary>Longest expression accepted over HTTP; the DSL's own limits (nesting, lookback) apply as well.</summary>
    public const int MaxExpressionLength = 10_000;

    /// <summary>Most bars per ticker in a scan or rank: a full universe at this depth is 2.5 million bars.</summary>
    public const int MaxScanBars = 5_000;

    public const int MaxSeriesPoints = MarketApi.MaxCandlesPerRequest;
    public const int DefaultSeriesPoints = 100;
    public const int DefaultRankLimit = 10;
    public const int MaxRankLimit = 500;

    private const int QuoteConcurrency = 8;
    private static readonly string[] MarketTypes = ["spot", "perpetual", "prediction"];
    private static readonly string[] Orders = ["desc", "asc"];

    public static IEndpointRouteBuilder MapResearchApi(this IEndpointRouteBuilder app)
    {
        var market = app.MapGroup("/api/v1/market").WithTags("Market");
        market.MapPost("/evaluate", EvaluateAsync).RequireAgent(Scopes.Research);
        market.MapPost("/scan", ScanAsync).RequireAgent(Scopes.Research);
        market.MapPost("/rank", RankAsync).RequireAgent(Scopes.Research);
        return app;
    }

    public static async Task<Ok<ApiResponse<EvaluateResponse>>> EvaluateAsync(
        EvaluateRequest request, HttpContext context, Screener screener, IOptions<ServerOptions> options, CancellationToken ct)
    {
        var venue = MarketApi.ResolveExchange(request.Exchange, options.Value);
        var perpetual = QueryValues.OneOf(request.MarketType, "market_type", MarketTypes) == "perpetual";
        var tf = ParseTimeframe(request.Timeframe);
        var seriesPoints = SeriesPoints(request);
        var expression = Compile(request.Expression, "expression", "rsi(close, 14)[-1]");
        if (string.IsNullOrWhiteSpace(request.Symbol))
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, "'symbol' is required.", "Pass 'symbol' as BASE/QUOTE with 'exchange' (e.g. BTC/USDT), or a full ticker (e.g. SIM:BTC/USDT).");
        }

        if (!TryResolve(request.Symbol, venue, perpetual, out var ticker, out var error))
        {
            throw new TradewindException(error.Code, $"'symbol': {error.Message}", error.Suggestion);
        }

        var result = await screener.EvaluateAsync(expression, ticker, tf, request.Bars, null, ct);
        var last = result.Count - 1;
        var boolean = result.IsBoolean;
        SeriesPoint[]? series = null;
        if (seriesPoints > 0)
        {
            var count = Math.Min(seriesPoints, result.Count);
            series = new SeriesPoint[count];
            for (var k = 0; k < count; k++)
            {
                var i = result.Count - count + k;
                series[k] = new SeriesPoint(
                    TimeFormat.ToIso(result.Time[i]),
                    Wire(result.Columns[0][i], boolean),
                    result.Names.Count > 1 ? ValuesAt(result, i) : null);
            }
        }

        return Envelope.Ok(context, new EvaluateResponse(
            Display(ticker, venue),
            ticker.ToString(),
            ticker.Exchange.Id(),
            tf.Name,
            expression.Source,
            Wire(result.Latest(), boolean),
            ValuesAt(result, last),
            boolean,
            TimeFormat.ToIso(result.Time[last]),
            result.Count,
            series));
    }

    public static async Task<Ok<ApiResponse<ScanResponse>>> ScanAsync(
        ScanRequest request, HttpContext context, Screener screener, ProviderRegistry providers, IOptions<ServerOptions> options, CancellationToken ct)
    {
        var venue = MarketApi.ResolveExchange(request.Exchange, options.Value);
        var marketType = QueryValues.OneOf(request.MarketType, "market_type", MarketTypes);
        var tf = ParseTimeframe(request.Timeframe);
        if (string.IsNullOrWhiteSpace(request.Condition) && !string.IsNullOrWhiteSpace(request.Expression))
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                "'condition' is required: scan filters by a condition; 'expression' is what rank and evaluate take.",
                "Send the condition in 'condition', e.g. \"rsi(close, 14)[-1] < 30\", or POST /market/rank to order symbols by a number.");
        }

        var condition = Compile(request.Condition, "condition", "rsi(close, 14)[-1] < 30");
        if (!condition.IsBoolean)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'condition' = '{Shorten(condition.Source)}' is a number, not a condition: scan keeps the symbols where a condition is true.",
                "Compare it, e.g. \"rsi(close, 14)[-1] < 30\", or POST /market/rank with it as 'expression' to order symbols by the number.");
        }

        var bars = ScanBars(request.Bars, condition);
        var universe = await ResolveUniverseAsync(request.Universe, venue, marketType, providers, ct);
        var rows = await screener.ScanAsync(condition, universe, tf, bars, ct);

        var matched = new List<string>();
        var details = new ScanDetail[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var symbol = Display(row.Ticker, venue);
            if (row.Matched)
            {
                matched.Add(symbol);
            }

            details[i] = new ScanDetail(
                symbol,
                row.Ticker.ToString(),
                row.Matched,
                row.Error is null ? Wire(row.Value, boolean: true) : null,
                Finite(row.LastClose),
                row.LastBarTime is { } t ? TimeFormat.ToIso(t) : null,
                row.Error is { } e ? new ResearchError(e.Code, e.Message, e.Suggestion) : null);
        }

        return Envelope.Ok(context, new ScanResponse(venue.Id(), tf.Name, condition.Source, matched, matched.Count, rows.Count, details));
    }

    public static async Task<Ok<ApiResponse<RankResponse>>> RankAsync(
        RankRequest request, HttpContext context, Screener screener, ProviderRegistry providers, IOptions<ServerOptions> options, CancellationToken ct)
    {
        var venue = MarketApi.ResolveExchange(request.Exchange, options.Value);
        var marketType = QueryValues.OneOf(request.MarketType, "market_type", MarketTypes);
        var tf = ParseTimeframe(request.Timeframe);
        var order = QueryValues.OneOf(request.Order, "order", Orders) ?? "desc";
        var limit = request.Limit ?? DefaultRankLimit;
        if (limit < 1 || limit > MaxRankLimit)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'limit' = {limit} must be between 1 and {MaxRankLimit}.",
                $"Omit it for the top {DefaultRankLimit}.");
        }

        if (string.IsNullOrWhiteSpace(request.Expression) && !string.IsNullOrWhiteSpace(request.Condition))
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                "'expression' is required: rank orders symbols by a numeric 'expression'; 'condition' is what scan takes.",
                "Send the number to rank by in 'expression', e.g. \"roc(close, 24)[-1]\", or POST /market/scan to filter by a condition.");
        }

        var expression = Compile(request.Expression, "expression", "roc(close, 24)[-1]");
        if (expression.IsBoolean)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'expression' = '{Shorten(expression.Source)}' is a condition (true/false), not a number: rank orders symbols by a number.",
                "Rank by a number, e.g. \"rsi(close, 14)[-1]\", or POST /market/scan with it as 'condition' to keep the symbols where it is true.");
        }

        var bars = ScanBars(request.Bars, expression);
        var universe = await ResolveUniverseAsync(request.Universe, venue, marketType, providers, ct);
        var (ranked, unranked) = await screener.RankAsync(expression, universe, tf, order == "desc", limit, bars, ct);

        var rankedRows = new RankedSymbol[ranked.Count];
        for (var i = 0; i < ranked.Count; i++)
        {
            var row = ranked[i];
            rankedRows[i] = new RankedSymbol(i + 1, Display(row.Ticker, venue), row.Ticker.ToString(), row.Value, row.LastClose, TimeFormat.ToIso(row.LastBarTime ?? 0));
        }

        var unrankedRows = new UnrankedSymbol[unranked.Count];
        for (var i = 0; i < unranked.Count; i++)
        {
            var row = unranked[i];
            unrankedRows[i] = new UnrankedSymbol(
                Display(row.Ticker, venue),
                row.Ticker.ToString(),
                row.Error?.Message ?? "The expression is na (no value) at the latest bar: too little history for it, or undefined there (e.g. a division by zero).",
                row.Error?.Code);
        }

        return Envelope.Ok(context, new RankResponse(venue.Id(), tf.Name, expression.Source, order, limit, rankedRows, unrankedRows, universe.Count));
    }

    /// <summary>Compiles an expression; every diagnostic comes back in one VALIDATION_ERROR naming the field.</summary>
    internal static CompiledExpression Compile(string? text, string field, string example)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"'{field}' is required.", $"Pass '{field}' as a Signal DSL expression, e.g. \"{example}\" (see GET /api/v1/docs/signal-dsl).");
        }

        if (text.Length > MaxExpressionLength)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'{field}' is {text.Length} characters long; at most {MaxExpressionLength} are accepted.",
                "Shorten it: name repeated parts once (x = ...) and reuse the name.");
        }

        var compiled = SignalCompiler.CompileExpression(text);
        if (compiled.Value is { } expression)
        {
            return expression;
        }

        var error = compiled.ToException();
        var details = new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = field };
        foreach (var (key, value) in error.Details ?? new Dictionary<string, object?>())
        {
            details[key] = value;
        }

        throw new TradewindException(error.Code, $"'{field}' does not compile. {error.Message}", error.Suggestion) { Details = details };
    }

    /// <summary>
    /// A symbol of the request: a full ticker (on its own exchange), or <c>BASE/QUOTE[:SETTLE]</c> on the request's
    /// exchange (<see cref="Universe.TryParseEntry"/>); <paramref name="perpetual"/> turns a spot pair into its perpetual.
    /// </summary>
    internal static bool TryResolve(string? text, ExchangeId venue, bool perpetual, out Ticker ticker, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out TradewindException? error)
    {
        if (!Universe.TryParseEntry(text, venue, out ticker, out error))
        {
            return false;
        }

        if (perpetual && ticker.MarketType == MarketType.Spot)
        {
            ticker = new Ticker(ticker.Exchange, ticker.Base, ticker.Quote, ticker.Quote);
        }

        return true;
    }

    /// <summary>
    /// The universe: a list of symbols (each bad entry reported with its position, duplicates dropped), or
    /// <c>["topN"]</c>, the N markets of the exchange with the largest 24-hour quote volume.
    /// </summary>
    internal static async Task<IReadOnlyList<Ticker>> ResolveUniverseAsync(
        IReadOnlyList<string>? entries, ExchangeId venue, string? marketType, ProviderRegistry providers, CancellationToken ct)
    {
        if (entries is not { Count: > 0 })
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                "'universe' is required and must list at least one symbol.",
                "Send a list, e.g. [\"BTC/USDT\", \"ETH/USDT\"] with 'exchange', [\"SIM:BTC/USDT\"], or [\"top100\"] for the 100 markets with the largest 24h quote volume.");
        }

        if (entries.Count > MaxUniverse)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'universe' has {entries.Count} symbols; at most {MaxUniverse} are allowed.",
                $"Split the universe into requests of {MaxUniverse} symbols.");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is { } entry && TopPattern().Match(entry.Trim()) is { Success: true } top)
            {
                if (entries.Count > 1)
                {
                    ThrowHelper.Throw(
                        ErrorCode.ValidationError,
                        $"'universe[{i}]' = '{entry}' selects markets by volume, so it must be the only entry.",
                        $"Send either [\"{entry.Trim()}\"] alone or a list of symbols.");
                }

                var n = int.TryParse(top.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
                if (n < 1 || n > MaxUniverse)
                {
                    ThrowHelper.Throw(
                        ErrorCode.ValidationError,
                        $"'universe[0]' = '{entry}': N must be between 1 and {MaxUniverse}.",
                        "Use e.g. [\"top100\"].");
                }

                return await TopByVolumeAsync(providers.Get(venue), n, marketType, ct);
            }
        }

        var perpetual = marketType == "perpetual";
        var tickers = new List<Ticker>(entries.Count);
        var seen = new HashSet<Ticker>();
        var problems = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (TryResolve(entries[i], venue, perpetual, out var ticker, out var error))
            {
                if (seen.Add(ticker))
                {
                    tickers.Add(ticker);
                }
            }
            else
            {
                problems.Add($"universe[{i}]: {error.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                string.Join(" ", problems),
                $"Write each symbol as BASE/QUOTE on 'exchange' ({venue.Id()}), or as a full ticker EXCHANGE:BASE/QUOTE[:SETTLE], e.g. SIM:BTC/USDT. Valid exchanges: {Exchanges.ValidIds}.")
            {
                Details = new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = "universe", ["problems"] = problems },
            };
        }

        return tickers;
    }

    /// <summary>
    /// The <paramref name="count"/> markets with the largest 24h quote volume (venues publish no market caps), of
    /// <paramref name="marketType"/> or the exchange's main market type. Fewer when the exchange lists fewer.
    /// </summary>
    private static async Task<IReadOnlyList<Ticker>> TopByVolumeAsync(IMarketDataProvider provider, int count, string? marketType, CancellationToken ct)
    {
        var wanted = marketType is null
            ? provider.Exchange.DefaultMarketType()
            : Enum.Parse<MarketType>(marketType, ignoreCase: true);
        var instruments = await provider.GetInstrumentsAsync(ct);
        var tickers = new List<Ticker>(instruments.Count);
        foreach (var instrument in instruments)
        {
            if (instrument.ContractType == wanted)
            {
                tickers.Add(instrument.Ticker);
            }
        }

        if (tickers.Count == 0)
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"{provider.Exchange.Id()} lists no {wanted.ToString().ToLowerInvariant()} markets.",
                "Pick another 'market_type' or 'exchange' (GET /api/v1/meta/markets lists them).");
        }

        var volumes = new double[tickers.Count];
        using var gate = new SemaphoreSlim(QuoteConcurrency);
        await Task.WhenAll(tickers.Select(async (t, i) =>
        {
            await gate.WaitAsync(ct);
            try
            {
                volumes[i] = (await provider.GetTickerAsync(t, ct)).QuoteVolume24h;
            }
            catch (TradewindException e) when (e.Code is ErrorCode.UnknownSymbol or ErrorCode.DataUnavailable)
            {
                // A market listed but not quoted (halted, just delisted) has no 24h volume to rank by: leave it out.
                volumes[i] = double.NaN;
            }
            finally
            {
                gate.Release();
            }
        }));

        return tickers
            .Select((t, i) => (Ticker: t, Volume: volumes[i]))
            .Where(x => !double.IsNaN(x.Volume))
            .OrderByDescending(x => x.Volume)
            .Take(count)
            .Select(x => x.Ticker)
            .ToArray();
    }

    private static int? ScanBars(int? bars, CompiledExpression expression)
    {
        if (bars is { } wanted && (wanted < 1 || wanted > MaxScanBars))
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'bars' = {wanted} must be between 1 and {MaxScanBars} for a scan or rank.",
                $"Omit it to load {Screener.DefaultBars} bars per symbol (or as many as the expression needs to warm up).");
        }

        if (bars is null && expression.WarmUpBars + 1 > MaxScanBars)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'{Shorten(expression.Source)}' needs {expression.WarmUpBars + 1} bars per symbol to warm up; a scan or rank loads at most {MaxScanBars}.",
                "Use shorter periods or a larger timeframe, or POST /market/evaluate for one symbol (up to 100000 bars).");
        }

        return bars;
    }

    private static int SeriesPoints(EvaluateRequest request)
    {
        if (request.Lookback is { } lookback)
        {
            if (lookback < 1 || lookback > MaxSeriesPoints)
            {
                ThrowHelper.Throw(
                    ErrorCode.ValidationError,
                    $"'lookback' = {lookback} must be between 1 and {MaxSeriesPoints}.",
                    $"Ask for the last 1 to {MaxSeriesPoints} values; 'include_series' alone returns {DefaultSeriesPoints}.");
            }

            return request.IncludeSeries == false ? 0 : lookback;
        }

        return request.IncludeSeries == true ? DefaultSeriesPoints : 0;
    }

    private static Timeframe ParseTimeframe(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Timeframe.H1;
        }

        return Timeframe.TryParse(text, out var tf)
            ? tf
            : ThrowHelper.Throw<Timeframe>(ErrorCode.ValidationError, $"'timeframe' = '{text}' is not a timeframe.", $"Valid timeframes: {Timeframe.ValidNames} (1m = minute, 1M = month); default 1h.");
    }

    /// <summary>
    /// How a symbol is shown back: as the request would write it on its exchange (<c>BTC/USDT</c>, a sim or Binance
    /// perpetual as <c>BTC/USDT:USDT</c>), or as the full ticker when it is on another exchange.
    /// </summary>
    private static string Display(Ticker ticker, ExchangeId venue)
    {
        if (ticker.Exchange != venue)
        {
            return ticker.ToString();
        }

        return ticker.Settle is { } settle && venue.DefaultMarketType() != MarketType.Perpetual ? $"{ticker.Symbol}:{settle}" : ticker.Symbol;
    }

    private static Dictionary<string, JsonNode?> ValuesAt(EvaluationResult result, int bar)
    {
        var values = new Dictionary<string, JsonNode?>(result.Names.Count, StringComparer.Ordinal);
        for (var k = 0; k < result.Names.Count; k++)
        {
            values[result.Names[k]] = Wire(result.Columns[k][bar], result.IsBoolean);
        }

        return values;
    }

    /// <summary>na (NaN) and infinities have no JSON number: they travel as null.</summary>
    private static JsonValue? Wire(double value, bool boolean)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        return boolean ? JsonValue.Create(value != 0) : JsonValue.Create(value);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : string.Concat(line.AsSpan(0, 57), "...");
    }

    [GeneratedRegex("^top([0-9]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TopPattern();
}
