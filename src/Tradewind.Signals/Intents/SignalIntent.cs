using Tradewind.Core;

namespace Tradewind.Signals.Intents;

/// <summary>
/// One trading intent produced by <c>emit_signal(condition, intent)</c> on a bar where the condition is true.
/// Exit levels are percentages of the fill price (e.g. 2 means 2%). <see cref="Ticker"/> is null when the script
/// omitted it: the ticker being evaluated.
/// </summary>
public sealed record SignalIntent
{
    public required IntentKind Kind { get; init; }

    public Ticker? Ticker { get; init; }

    /// <summary>Long or Short for entries; Flat for exits.</summary>
    public PositionSide Side { get; init; }

    /// <summary>Target size for entries.</summary>
    public OrderSize Size { get; init; }

    public double? StopLossPct { get; init; }

    public double? TakeProfitPct { get; init; }

    public double? TrailingStopPct { get; init; }

    /// <summary>Fraction of the position an exit closes (0..1].</summary>
    public double ExitFraction { get; init; } = 1.0;

    public static SignalIntent Entry(Ticker? ticker, PositionSide side, OrderSize size, double? stopLossPct = null, double? takeProfitPct = null, double? trailingStopPct = null) =>
        new()
        {
            Kind = IntentKind.Entry,
            Ticker = ticker,
            Side = side,
            Size = size,
            StopLossPct = stopLossPct,
            TakeProfitPct = takeProfitPct,
            TrailingStopPct = trailingStopPct,
        };

    public static SignalIntent Exit(Ticker? ticker, double fraction = 1.0) =>
        new() { Kind = IntentKind.Exit, Ticker = ticker, Side = PositionSide.Flat, ExitFraction = fraction };
}
