namespace Tradewind.Backtesting;

/// <summary>Why (part of) a position was closed.</summary>
public enum ExitReason
{
    /// <summary>An <c>exit(...)</c> intent.</summary>
    Signal,

    /// <summary>An entry in the opposite direction closed the position before opening the new one.</summary>
    Reversal,

    /// <summary>A same-side entry with a smaller target reduced the position.</summary>
    Rebalance,

    StopLoss,

    TakeProfit,

    TrailingStop,

    /// <summary>The price reached the liquidation price of an isolated-margin perpetual position.</summary>
    Liquidation,

    /// <summary>Closed at the last bar (<see cref="EndOfDataPolicy.CloseAtLastClose"/>).</summary>
    EndOfData,

    /// <summary>The account's equity fell to zero or below; everything was closed and trading stopped.</summary>
    Bankruptcy,
}
