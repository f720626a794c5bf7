namespace Tradewind.Signals.Intents;

/// <summary>How an entry's size is expressed: <c>Weight(w)</c>, <c>Quantity(q)</c> or <c>Notional(usd)</c>.</summary>
public enum SizeKind
{
    /// <summary>Target fraction of equity (0..1, times leverage for perps).</summary>
    Weight,

    /// <summary>Target quantity in base units.</summary>
    Quantity,

    /// <summary>Target position value in quote currency.</summary>
    Notional,
}
