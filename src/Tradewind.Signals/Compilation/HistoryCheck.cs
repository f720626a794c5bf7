using Tradewind.Signals.Syntax;

namespace Tradewind.Signals.Compilation;

/// <summary>A node that needs <see cref="BarsNeeded"/> bars of its context to produce any value (TA_OUT_OF_RANGE otherwise).</summary>
internal readonly record struct HistoryCheck(int Context, int BarsNeeded, SourceSpan Span);

/// <summary>A base-context column whose first value bounds the first tradable bar.</summary>
internal readonly record struct TradableCheck(int Slot, int WarmUp, bool IsBool);
