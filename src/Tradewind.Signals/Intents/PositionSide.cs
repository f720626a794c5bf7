namespace Tradewind.Signals.Intents;

/// <summary>Direction of a position or of an entry intent.</summary>
public enum PositionSide
{
    Flat = 0,
    Long = 1,
    Short = -1,
}
