namespace Tradewind.Signals.Intents;

/// <summary>A target position size. Repeated entries move toward the target; they never pyramid past it.</summary>
public readonly record struct OrderSize(SizeKind Kind, double Value)
{
    public static OrderSize Weight(double fraction) => new(SizeKind.Weight, fraction);

    public static OrderSize Quantity(double quantity) => new(SizeKind.Quantity, quantity);

    public static OrderSize Notional(double quote) => new(SizeKind.Notional, quote);
}
