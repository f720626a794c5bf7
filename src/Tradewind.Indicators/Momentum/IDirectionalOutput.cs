namespace Tradewind.Indicators.Momentum;

/// <summary>
/// What one indicator of the DM/DI/DX/ADX family makes of the running +DM, -DM and true range on each bar. Implemented
/// by small structs so <see cref="DirectionalMovement.Run{TOutput}"/> is specialised and inlined per indicator; the
/// streaming states call the same struct, so batch and stream share the per-indicator arithmetic too.
/// </summary>
internal interface IDirectionalOutput
{
    /// <summary>False for +DM/-DM, which read no close and need no true range.</summary>
    static abstract bool UsesRange { get; }

    double Next(double plus, double minus, double range);
}
