using Tradewind.Signals.Intents;
using Tradewind.Signals.Syntax;

namespace Tradewind.Signals.Compilation;

/// <summary>An intent with each value located: constant, column or register.</summary>
internal sealed record IntentPlan(
    IntentKind Kind,
    string? TickerText,
    PositionSide Side,
    SizeKind SizeKind,
    Operand? Size,
    Operand? StopLoss,
    Operand? TakeProfit,
    Operand? TrailingStop,
    Operand? Fraction,
    SourceSpan Span)
{
    public bool IsConstant =>
        (Size?.IsConstant ?? true) && (StopLoss?.IsConstant ?? true) && (TakeProfit?.IsConstant ?? true)
        && (TrailingStop?.IsConstant ?? true) && (Fraction?.IsConstant ?? true);
}

/// <summary><c>emit_signal(condition, intent)</c> as the runtime evaluates it.</summary>
internal sealed record EmitPlan(Operand Condition, IntentPlan Intent, SourceSpan Span);
