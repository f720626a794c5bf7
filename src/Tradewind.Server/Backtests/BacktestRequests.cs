using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewind.Backtesting;
using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.Research;

namespace Tradewind.Server.Backtests;

/// <summary>
/// Turns an execute request into a <see cref="BacktestSpec"/>, checking everything that needs no data before the job
/// is queued: each bad field is named, all of them in one VALIDATION_ERROR. The worker parses the stored payload with
/// the same code, so what runs is exactly what was accepted.
/// </summary>
internal static class BacktestRequests
{
    /// <summary>How a job's payload is stored: the request's own snake_case wire names, nulls left out.</summary>
    public static JsonSerializerOptions PayloadJson { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private const string DateSuggestion = "Use YYYY-MM-DD or an ISO 8601 UTC time such as 2024-01-01T00:00:00Z.";

    public static ParsedBacktest Parse(ExecuteRequest request, string defaultExchange, ProviderRegistry providers)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);

        if (string.IsNullOrWhiteSpace(request.Script))
        {
            problems["script"] = "'script' is required and must not be empty.";
        }

        if (request.StrategyType is { } type && !string.Equals(type.Trim(), "signal", StringComparison.OrdinalIgnoreCase))
        {
            problems["strategy_type"] = $"'strategy_type' = '{type}' is not supported; Tradewind runs every strategy as a script (strategy_type 'signal').";
        }

        if (request.StopLoss is not null || request.TakeProfit is not null)
        {
            var field = request.StopLoss is not null ? "stop_loss" : "take_profit";
            problems[field] = $"'{field}' (a portfolio-level stop) is not supported; write the exit condition in the script instead: emit_signal(condition, exit()).";
        }

        var exchange = ParseExchange(request.Exchange ?? defaultExchange, problems);
        var timeframe = Timeframe.H1;
        if (request.Timeframe is { } tfText && !Timeframe.TryParse(tfText, out timeframe))
        {
            problems["timeframe"] = $"'timeframe' = '{tfText}' is not a timeframe; valid: {Timeframe.ValidNames} (1m is a minute, 1M a month).";
        }

        var from = ParseDate(request.StartDate, "start_date", problems);
        var to = ParseDate(request.EndDate, "end_date", problems);
        var mode = ParseChoice(request.Mode, "mode", problems, ("isolated", BacktestMode.Isolated), ("cross", BacktestMode.Cross));
        var fill = ParseChoice(request.Fill, "fill", problems, ("next-open", FillTiming.NextOpen), ("next_open", FillTiming.NextOpen), ("close", FillTiming.Close));
        var endOfData = ParseChoice(
            request.EndOfData, "end_of_data", problems,
            ("close-at-last-close", EndOfDataPolicy.CloseAtLastClose), ("close_at_last_close", EndOfDataPolicy.CloseAtLastClose),
            ("keep-open", EndOfDataPolicy.KeepOpen), ("keep_open", EndOfDataPolicy.KeepOpen));

        var leverage = 1;
        if (request.Leverage is { } lev)
        {
            if (!double.IsFinite(lev) || lev < 1 || lev > BacktestOptions.MaxLeverage || lev != Math.Floor(lev))
            {
                problems["leverage"] = string.Create(CultureInfo.InvariantCulture, $"'leverage' = {lev} must be a whole number from 1 to {BacktestOptions.MaxLeverage} (e.g. 1, 3, 10).");
            }
            else
            {
                leverage = (int)lev;
            }
        }

        IReadOnlyList<Ticker> universe = [];
        if (exchange is { } venue)
        {
            try
            {
                universe = Universe.Parse(request.Universe, venue, "universe", BacktestSpec.MaxTickers);
                var missing = universe.Where(t => !providers.TryGet(t.Exchange, out _)).Select(t => t.Exchange.Id()).Distinct().ToList();
                if (missing.Count > 0)
                {
                    problems["universe"] = $"'universe' names {string.Join(", ", missing)}, which this server has no market data for; configured: {string.Join(", ", providers.Configured.Select(e => e.Id()))}.";
                }
            }
            catch (TradewindException ex) when (ex.Code == ErrorCode.ValidationError)
            {
                problems["universe"] = ex.Message;
            }
        }

        if (problems.Count > 0)
        {
            throw Invalid(problems);
        }

        var options = new BacktestOptions
        {
            InitialCash = request.InitialCash ?? BacktestOptions.Default.InitialCash,
            TradingFee = request.TradingFee ?? BacktestOptions.Default.TradingFee,
            Slippage = request.Slippage ?? BacktestOptions.Default.Slippage,
            Leverage = leverage,
            Mode = mode ?? BacktestMode.Isolated,
            Fill = fill ?? FillTiming.NextOpen,
            EndOfData = endOfData ?? EndOfDataPolicy.CloseAtLastClose,
            LotStep = request.LotStep,
            StartAtFirstTradableBar = request.StartAtFirstTradableBar ?? BacktestOptions.Default.StartAtFirstTradableBar,
            RebalanceBand = request.RebalanceBand ?? BacktestOptions.Default.RebalanceBand,
            MaintenanceMarginRate = request.MaintenanceMarginRate ?? BacktestOptions.Default.MaintenanceMarginRate,
            AnnualizationDays = request.AnnualizationDays,
            RiskFreeRate = request.RiskFreeRate ?? BacktestOptions.Default.RiskFreeRate,
        };
        var spec = new BacktestSpec(request.Script!, universe, timeframe, from, to, options);
        try
        {
            spec.Validate();
        }
        catch (TradewindException ex) when (ex.Details is { } details && details.ContainsKey("diagnostics"))
        {
            // The compiler's message lists each diagnostic with its line and column; say which field they are in.
            throw new TradewindException(ex.Code, $"'script': {ex.Message}", ex.Suggestion)
            {
                Details = new Dictionary<string, object?>(details, StringComparer.Ordinal) { ["field"] = "script" },
            };
        }

        var normalized = request with
        {
            Universe = universe.Select(t => t.ToString()).ToArray(),
            StartDate = TimeFormat.ToIso(from),
            EndDate = TimeFormat.ToIso(to),
            Exchange = exchange!.Value.Id(),
            Timeframe = timeframe.Name,
            InitialCash = options.InitialCash,
            TradingFee = options.TradingFee,
            Slippage = options.Slippage,
            Leverage = options.Leverage,
            Mode = mode is BacktestMode.Cross ? "cross" : "isolated",
            Fill = options.Fill == FillTiming.Close ? "close" : "next-open",
            EndOfData = options.EndOfData == EndOfDataPolicy.KeepOpen ? "keep-open" : "close-at-last-close",
            StartAtFirstTradableBar = options.StartAtFirstTradableBar,
            RebalanceBand = options.RebalanceBand,
            MaintenanceMarginRate = options.MaintenanceMarginRate,
            RiskFreeRate = options.RiskFreeRate,
            StrategyType = "signal",
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
        };
        return new ParsedBacktest(spec, normalized);
    }

    /// <summary>One VALIDATION_ERROR naming every bad field; <c>details.field</c> is the first, <c>details.problems</c> all.</summary>
    public static TradewindException Invalid(IReadOnlyDictionary<string, string> problems)
    {
        var messages = problems.Values.ToList();
        return new TradewindException(
            ErrorCode.ValidationError,
            messages.Count == 1 ? messages[0] : $"{messages.Count} invalid fields: {string.Join(" ", messages)}",
            "Fix the named fields; GET /api/v1/docs/api-reference lists every backtest field with its default and range.")
        {
            Details = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["field"] = problems.Keys.First(),
                ["problems"] = problems,
            },
        };
    }

    public static ExchangeId? ParseExchange(string? text, IDictionary<string, string> problems)
    {
        if (Exchanges.TryParse(text, out var exchange))
        {
            return exchange;
        }

        problems["exchange"] = $"'exchange' = '{text}' is not an exchange; valid: {Exchanges.ValidIds}.";
        return null;
    }

    private static long ParseDate(string? text, string field, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems[field] = $"'{field}' is required. {DateSuggestion}";
            return 0;
        }

        if (!TimeFormat.TryParseUtc(text, out var ms))
        {
            problems[field] = $"'{field}' = '{text}' is not a date. {DateSuggestion}";
        }

        return ms;
    }

    private static T? ParseChoice<T>(string? text, string field, Dictionary<string, string> problems, params (string Name, T Value)[] choices)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        problems[field] = $"'{field}' = '{text}' is not valid; valid: {string.Join(", ", choices.Select(c => c.Name).Where(n => !n.Contains('_', StringComparison.Ordinal)))}.";
        return null;
    }
}
