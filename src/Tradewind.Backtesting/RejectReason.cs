namespace Tradewind.Backtesting;

/// <summary>Why an order was rejected. Every rejection is counted in the results.</summary>
public enum RejectReason
{
    /// <summary>The margin plus the fee of the order exceed the free cash.</summary>
    InsufficientFunds,

    /// <summary>The quantity rounds down to zero at the instrument's lot step.</summary>
    BelowLotStep,

    /// <summary>The quantity is below the instrument's minimum order quantity.</summary>
    BelowMinQuantity,

    /// <summary>The order value is below the instrument's minimum notional.</summary>
    BelowMinNotional,

    /// <summary>The size is not a finite positive number (or an exit fraction outside (0, 1]).</summary>
    InvalidSize,

    /// <summary>A stop-loss, take-profit or trailing-stop percentage that is not a finite positive number.</summary>
    InvalidExitLevel,

    /// <summary>The account is bankrupt; no further orders are accepted.</summary>
    Bankrupt,
}
