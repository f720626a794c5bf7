namespace Tradewind.Research.Reports;

public sealed record ReportLiquidation(string Time, string Ticker, string Side, double Quantity, double EntryPrice, double LiquidationPrice, double MarginLost);
