using Tradewind.Core;

namespace Tradewind.Signals.Intents;

/// <summary>
/// The position of one ticker as the DSL sees it at the close of a bar: <c>position_size</c>, <c>position_side</c>,
/// <c>entry_price</c>, <c>bars_since_entry</c>, <c>unrealized_pnl_pct</c>.
/// </summary>
public readonly record struct PositionState(
    double Size,
    PositionSide Side,
    double EntryPrice,
    int BarsSinceEntry,
    double UnrealizedPnlPct)
{
    public static PositionState Flat => new(0, PositionSide.Flat, double.NaN, -1, 0);
}
