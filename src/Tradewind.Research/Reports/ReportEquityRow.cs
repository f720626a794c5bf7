namespace Tradewind.Research.Reports;

public sealed record ReportEquityRow(string Timestamp, double Equity, double Cash, double ExposurePct, double DrawdownPct);
