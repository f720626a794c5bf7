namespace Tradewind.Research.Reports;

public sealed record ReportOpenPosition(
    string Ticker,
    string Side,
    string EntryTime,
    double EntryPrice,
    double Quantity,
    double MarkPrice,
    double UnrealizedPnl,
    double Fees,
    double Funding,
    double? LiquidationPrice);
