using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Backtesting;

/// <summary>
/// An order the engine refused, with why. <see cref="Side"/> is the direction of the order (Long buys, Short sells);
/// <see cref="Quantity"/> and <see cref="Price"/> are what it would have traded (NaN when not computable).
/// </summary>
public sealed record RejectedOrder(long Time, Ticker Ticker, PositionSide Side, double Quantity, double Price, RejectReason Reason);
