namespace Tradewind.Signals.Compilation;

internal enum SlotRole
{
    /// <summary>Written by a step.</summary>
    Computed,

    /// <summary>A raw bar column (open, high, low, close, volume) used in place, never copied.</summary>
    DataAlias,
}
