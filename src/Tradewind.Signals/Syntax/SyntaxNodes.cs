namespace Tradewind.Signals.Syntax;

// The abstract syntax tree. Nodes are immutable and carry the span of their source text for diagnostics.

internal abstract record ExpressionSyntax(SourceSpan Span);

internal sealed record NumberSyntax(SourceSpan Span, double Value, string Text) : ExpressionSyntax(Span);

internal sealed record StringSyntax(SourceSpan Span, string Value) : ExpressionSyntax(Span);

internal sealed record BoolSyntax(SourceSpan Span, bool Value) : ExpressionSyntax(Span);

internal sealed record NaSyntax(SourceSpan Span) : ExpressionSyntax(Span);

internal sealed record NameSyntax(SourceSpan Span, string Name) : ExpressionSyntax(Span);

internal sealed record UnarySyntax(SourceSpan Span, TokenKind Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);

internal sealed record BinarySyntax(SourceSpan Span, TokenKind Operator, SourceSpan OperatorSpan, ExpressionSyntax Left, ExpressionSyntax Right)
    : ExpressionSyntax(Span);

/// <summary><c>WhenTrue if Condition else WhenFalse</c>.</summary>
internal sealed record ConditionalSyntax(SourceSpan Span, ExpressionSyntax WhenTrue, ExpressionSyntax Condition, ExpressionSyntax WhenFalse)
    : ExpressionSyntax(Span);

internal sealed record CallSyntax(SourceSpan Span, NameSyntax Function, IReadOnlyList<ArgumentSyntax> Arguments) : ExpressionSyntax(Span);

/// <summary>A call argument; <see cref="Name"/> is set for keyword arguments (<c>period=14</c>).</summary>
internal sealed record ArgumentSyntax(SourceSpan Span, string? Name, SourceSpan NameSpan, ExpressionSyntax Value);

/// <summary><c>Target[Index]</c>: <c>x[-1]</c> is the current bar.</summary>
internal sealed record IndexSyntax(SourceSpan Span, ExpressionSyntax Target, ExpressionSyntax Index) : ExpressionSyntax(Span);

/// <summary><c>Target.Member</c>: an output of a multi-output indicator.</summary>
internal sealed record MemberSyntax(SourceSpan Span, ExpressionSyntax Target, string Member, SourceSpan MemberSpan) : ExpressionSyntax(Span);

internal abstract record StatementSyntax(SourceSpan Span);

internal sealed record AssignmentSyntax(SourceSpan Span, string Name, SourceSpan NameSpan, ExpressionSyntax Value) : StatementSyntax(Span);

internal sealed record ExpressionStatementSyntax(SourceSpan Span, ExpressionSyntax Expression) : StatementSyntax(Span);

internal sealed record ScriptSyntax(IReadOnlyList<StatementSyntax> Statements);
