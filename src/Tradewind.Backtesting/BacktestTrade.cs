using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Backtesting;

/// <summary>
/// A closed trade: one reduction of a position (a full close, or the closed part of a partial exit). Times are the
/// open times of the bars the fills happened in. <see cref="Pnl"/> is net of <see cref="Fees"/> and
/// <see cref="Funding"/>; <see cref="PnlPct"/> is <see cref="Pnl"/> over the margin the closed quantity tied up
/// (its value at entry divided by leverage), in percent.
/// </summary>
public sealed record BacktestTrade(
    Ticker Ticker,
    PositionSide Side,
    long EntryTime,
    double EntryPrice,
    long ExitTime,
    double ExitPrice,
    double Quantity,
    double Pnl,
    double PnlPct,
    double Fees,
    double Funding,
    ExitReason ExitReason,
    int EntryBar,
    int ExitBar)
{
    /// <summary>Time held: exit bar open time minus entry bar open time.</summary>
    public TimeSpan Duration => TimeSpan.FromMilliseconds(ExitTime - EntryTime);
}
