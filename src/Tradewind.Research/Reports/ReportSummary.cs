namespace Tradewind.Research.Reports;

public sealed record ReportSummary(
    IReadOnlyList<string> Universe,
    string Timeframe,
    string StartDate,
    string EndDate,
    string Mode,
    double InitialCash,
    double FinalEquity,
    double? TotalReturnPct,
    double? MaxDrawdown,
    double? Sharpe,
    int NumTrades,
    double? WinRate,
    int Bars,
    int WarmUpBars,
    int RejectedOrders,
    int Liquidations,
    int UnfilledOrders);
