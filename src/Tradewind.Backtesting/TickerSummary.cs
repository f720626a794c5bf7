using Tradewind.Core;

namespace Tradewind.Backtesting;

/// <summary>
/// One ticker's part of a backtest. In isolated mode <see cref="ReturnPct"/> and <see cref="MaxDrawdownPct"/> are
/// those of the ticker's own account (<see cref="InitialCash"/> is its share); in cross mode <see cref="ReturnPct"/>
/// is the ticker's net PnL over the account's initial cash and <see cref="MaxDrawdownPct"/> is NaN.
/// </summary>
public sealed record TickerSummary(
    Ticker Ticker,
    double InitialCash,
    double FinalEquity,
    double Pnl,
    double ReturnPct,
    double BuyAndHoldReturnPct,
    double MaxDrawdownPct,
    int NumTrades,
    double WinRatePct,
    double FeesPaid,
    double FundingPaid,
    int RejectedOrders,
    int Liquidations,
    int Bars);
