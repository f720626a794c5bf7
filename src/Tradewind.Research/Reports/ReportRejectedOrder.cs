namespace Tradewind.Research.Reports;

public sealed record ReportRejectedOrder(string Time, string Ticker, string Side, double? Quantity, double? Price, string Reason);
