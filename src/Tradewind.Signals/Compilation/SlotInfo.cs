using Tradewind.Signals.Binding;

namespace Tradewind.Signals.Compilation;

/// <summary>
/// A column of the plan: the context whose bar count is its length, how it is filled, and whether it is a bitset
/// (a boolean read only by and/or/not and emit conditions) rather than doubles.
/// </summary>
internal readonly record struct SlotInfo(int Context, SlotRole Role, DataField Field, bool IsBits = false);
