using System.Text.Json.Serialization;
using Tradewind.Research.Reports;

namespace Tradewind.Server.Backtests;

/// <summary>
/// <c>POST /backtest/execute</c>: the HeyTraders v1 fields plus Tradewind's engine options. Every field is optional on
/// the wire so a missing one is reported by name, together with every other problem, instead of as a binding error.
/// The validated, normalized form of this record is the job's payload.
/// </summary>
internal sealed record ExecuteRequest
{
    public string? Script { get; init; }

    public IReadOnlyList<string>? Universe { get; init; }

    public string? StartDate { get; init; }

    public string? EndDate { get; init; }

    public string? Exchange { get; init; }

    public string? Timeframe { get; init; }

    public double? InitialCash { get; init; }

    public double? TradingFee { get; init; }

    public double? Slippage { get; init; }

    public double? Leverage { get; init; }

    public string? Mode { get; init; }

    public string? Description { get; init; }

    public string? StrategyType { get; init; }

    public string? Fill { get; init; }

    public double? LotStep { get; init; }

    public string? EndOfData { get; init; }

    public bool? StartAtFirstTradableBar { get; init; }

    public double? RebalanceBand { get; init; }

    public double? MaintenanceMarginRate { get; init; }

    public int? AnnualizationDays { get; init; }

    public double? RiskFreeRate { get; init; }

    /// <summary>HeyTraders' portfolio-level stops; Tradewind refuses them rather than silently ignoring them.</summary>
    public double? StopLoss { get; init; }

    public double? TakeProfit { get; init; }
}

internal sealed record ExecuteResponse(string BacktestId, string Status, string CreatedAt, string StatusUrl);

internal sealed record ValidateRequest(string? Script, IReadOnlyList<string>? Universe, string? Exchange);

internal sealed record ScriptProblem(int? Line, int? Column, string Code, string Message, string? Suggestion);

internal sealed record ValidateResponse(bool Valid, IReadOnlyList<ScriptProblem> Errors, int? WarmUpBars, IReadOnlyList<string>? Universe);

internal sealed record StatusResponse(
    string BacktestId,
    string Status,
    double Progress,
    string? ResultId,
    string? Message,
    string? Description,
    string CreatedAt,
    string? StartedAt,
    string? FinishedAt,
    int Attempts);

internal sealed record CancelResponse(string BacktestId, string Status, bool Cancelled, string? Message);

internal sealed record ResultResponse(
    string ResultId,
    string BacktestId,
    string CreatedAt,
    string? Description,
    string DashboardUrl,
    ReportSummary Summary,
    IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyDictionary<string, object?> Options,
    int OpenPositions);

internal sealed record MetricsResponse(string ResultId, IReadOnlyDictionary<string, double?> Metrics);

internal sealed record PerTickerResponse(string ResultId, int Count, IReadOnlyList<ReportTickerRow> Tickers);

internal sealed record TradesResponse(string ResultId, int Total, int Limit, int Offset, int Count, IReadOnlyList<ReportTradeRow> Trades);

internal sealed record EquityResponse(string ResultId, int TotalPoints, int Count, IReadOnlyList<ReportEquityRow> Points);

internal sealed record AnalysisFinding(string Topic, string Assessment, string Text);

internal sealed record AnalysisResponse(
    string ResultId,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model,
    string Analysis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AnalysisFinding>? Findings);
