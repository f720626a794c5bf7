namespace Tradewind.Research.Reports;

public sealed record ReportTradeRow(
    string Ticker,
    string Side,
    string EntryTime,
    double EntryPrice,
    string ExitTime,
    double ExitPrice,
    double Quantity,
    double Pnl,
    double? PnlPct,
    double Fees,
    double Funding,
    string ExitReason,
    long DurationSeconds);
