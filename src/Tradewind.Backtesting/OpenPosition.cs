using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Backtesting;

/// <summary>A position left open at the end (<see cref="EndOfDataPolicy.KeepOpen"/>), marked to the last close.</summary>
public sealed record OpenPosition(
    Ticker Ticker,
    PositionSide Side,
    long EntryTime,
    double EntryPrice,
    double Quantity,
    double MarkPrice,
    double UnrealizedPnl,
    double Fees,
    double Funding,
    double LiquidationPrice);
