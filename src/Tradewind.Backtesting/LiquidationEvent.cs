using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Backtesting;

/// <summary>A perpetual position closed by liquidation: the isolated margin that remained is lost.</summary>
public sealed record LiquidationEvent(long Time, Ticker Ticker, PositionSide Side, double Quantity, double EntryPrice, double LiquidationPrice, double MarginLost);
