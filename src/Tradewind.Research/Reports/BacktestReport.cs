namespace Tradewind.Research.Reports;

/// <summary>
/// A finished backtest as Tradewind shows it: the CLI's result.json, the API's /backtest/results endpoints and the
/// report page all read this one shape. Numbers that are undefined (NaN) are null on the wire; percentages are in
/// percent; durations are in seconds; times are ISO-8601 UTC.
/// </summary>
public sealed record BacktestReport(
    ReportSummary Summary,
    IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyDictionary<string, object?> Options,
    IReadOnlyList<ReportTickerRow> PerTicker,
    IReadOnlyList<ReportTradeRow> Trades,
    IReadOnlyList<ReportEquityRow> Equity,
    IReadOnlyList<ReportRejectedOrder> RejectedOrders,
    IReadOnlyList<ReportLiquidation> Liquidations,
    IReadOnlyList<ReportOpenPosition> OpenPositions,
    string Script);
