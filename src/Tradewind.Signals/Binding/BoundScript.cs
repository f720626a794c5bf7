using Tradewind.Signals.Intents;
using Tradewind.Signals.Syntax;

namespace Tradewind.Signals.Binding;

/// <summary>An intent whose values may be constants or series read at the firing bar.</summary>
internal sealed record IntentTemplate(
    IntentKind Kind,
    string? TickerText,
    PositionSide Side,
    SizeKind SizeKind,
    BoundNode? Size,
    BoundNode? StopLoss,
    BoundNode? TakeProfit,
    BoundNode? TrailingStop,
    BoundNode? Fraction,
    SourceSpan Span);

/// <summary><c>emit_signal(condition, intent)</c>.</summary>
internal sealed record EmitStatement(SourceSpan Span, BoundNode Condition, IntentTemplate Intent);

/// <summary>The binder's output: the hash-consed node graph, the contexts, and what the script emits or returns.</summary>
internal sealed record BoundScript(
    string Text,
    IReadOnlyList<BoundNode> Nodes,
    IReadOnlyList<ContextSpec> Contexts,
    IReadOnlyList<EmitStatement> Emits,
    BoundNode? Result);
