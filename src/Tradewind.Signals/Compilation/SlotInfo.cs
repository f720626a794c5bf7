using Tradewind.Signals.Binding;

namespace Tradewind.Signals.Compilation;

/// <summary>A column of the plan: the context whose bar count is its length, and how it is filled.</summary>
internal readonly record struct SlotInfo(int Context, SlotRole Role, DataField Field);
