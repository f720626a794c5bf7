namespace Tradewind.Research.Reports;

public sealed record ReportTickerRow(
    string Ticker,
    double InitialCash,
    double FinalEquity,
    double Pnl,
    double? ReturnPct,
    double? BuyAndHoldReturnPct,
    double? MaxDrawdown,
    int NumTrades,
    double? WinRate,
    double FeesPaid,
    double FundingPaid,
    int RejectedOrders,
    int Liquidations,
    int Bars);
