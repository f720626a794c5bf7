using System.Globalization;
using Tradewind.Indicators;
using Tradewind.Signals.Syntax;

namespace Tradewind.Signals.Binding;

// The bound tree. Nodes are hash-consed by NodeTable: two structurally equal expressions are the same node, so
// `sma(close, 20)` written twice is computed once. Children always exist before their parents, so a node's Id is a
// topological order and no pass over the graph needs recursion.

/// <summary>A typed, name-resolved expression node.</summary>
internal abstract class BoundNode(ValueKind kind, int context, SourceSpan span)
{
    /// <summary>Position in the node table: children have smaller ids than their parents.</summary>
    public int Id { get; set; } = -1;

    public ValueKind Kind { get; } = kind;

    /// <summary>The evaluation context (see <see cref="ContextSpec"/>); -1 for constants, which belong to every context.</summary>
    public int Context { get; } = context;

    /// <summary>The source of the first occurrence, for diagnostics and runtime errors.</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>True when the value depends on position or account state, so it can only be computed bar by bar.</summary>
    public virtual bool ReadsPortfolio => false;

    /// <summary>Leading bars that are na by construction (indicator lookbacks, windows, shifts), in the context's bars.</summary>
    public virtual int WarmUp => 0;

    /// <summary>True for nodes that need <see cref="WarmUp"/>+1 bars of data to produce a value (TA_OUT_OF_RANGE).</summary>
    public virtual bool NeedsHistory => false;

    public virtual IReadOnlyList<BoundNode> Children => [];

    /// <summary>Structural identity; children appear by id.</summary>
    public abstract string Key { get; }

    protected static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

internal sealed class ConstantNode(double value, ValueKind kind, SourceSpan span) : BoundNode(kind, -1, span)
{
    public double Value { get; } = value;

    public override string Key => $"const:{Kind}:{BitConverter.DoubleToInt64Bits(Value)}";
}

internal sealed class StringNode(string value, SourceSpan span) : BoundNode(ValueKind.String, -1, span)
{
    public string Value { get; } = value;

    public override string Key => $"str:{Value}";
}

internal sealed class DataNode(DataField field, int context, SourceSpan span) : BoundNode(ValueKind.Number, context, span)
{
    public DataField Field { get; } = field;

    public override string Key => $"data:{Field}:{Context}";
}

internal sealed class ContextStringNode(ContextField field, int context, SourceSpan span) : BoundNode(ValueKind.String, context, span)
{
    public ContextField Field { get; } = field;

    public override string Key => $"ctxstr:{Field}:{Context}";
}

internal sealed class PortfolioNode(PortfolioField field, SourceSpan span) : BoundNode(ValueKind.Number, 0, span)
{
    public PortfolioField Field { get; } = field;

    public override bool ReadsPortfolio => true;

    public override string Key => $"pf:{Field}";
}

internal sealed class UnaryNode(UnaryOp op, BoundNode operand, double parameter, ValueKind kind, SourceSpan span)
    : BoundNode(kind, operand.Context, span)
{
    public UnaryOp Op { get; } = op;

    public BoundNode Operand { get; } = operand;

    /// <summary>Decimal places for <see cref="UnaryOp.Round"/>; 0 otherwise.</summary>
    public double Parameter { get; } = parameter;

    public override bool ReadsPortfolio => Operand.ReadsPortfolio;

    public override int WarmUp => Operand.WarmUp;

    public override IReadOnlyList<BoundNode> Children => [Operand];

    public override string Key => $"un:{Op}:{Num(Parameter)}:{Operand.Id}";
}

internal sealed class BinaryNode(BinaryOp op, BoundNode left, BoundNode right, ValueKind kind, SourceSpan span)
    : BoundNode(kind, Math.Max(left.Context, right.Context), span)
{
    public BinaryOp Op { get; } = op;

    public BoundNode Left { get; } = left;

    public BoundNode Right { get; } = right;

    public override bool ReadsPortfolio => Left.ReadsPortfolio || Right.ReadsPortfolio;

    public override int WarmUp => Math.Max(Left.WarmUp, Right.WarmUp);

    public override IReadOnlyList<BoundNode> Children => [Left, Right];

    public override string Key => $"bin:{Op}:{Left.Id}:{Right.Id}";
}

internal sealed class ConditionalNode(BoundNode condition, BoundNode whenTrue, BoundNode whenFalse, ValueKind kind, SourceSpan span)
    : BoundNode(kind, Math.Max(condition.Context, Math.Max(whenTrue.Context, whenFalse.Context)), span)
{
    public BoundNode Condition { get; } = condition;

    public BoundNode WhenTrue { get; } = whenTrue;

    public BoundNode WhenFalse { get; } = whenFalse;

    public override bool ReadsPortfolio => Condition.ReadsPortfolio || WhenTrue.ReadsPortfolio || WhenFalse.ReadsPortfolio;

    public override int WarmUp => Math.Max(Condition.WarmUp, Math.Max(WhenTrue.WarmUp, WhenFalse.WarmUp));

    public override IReadOnlyList<BoundNode> Children => [Condition, WhenTrue, WhenFalse];

    public override string Key => $"cond:{Condition.Id}:{WhenTrue.Id}:{WhenFalse.Id}";
}

/// <summary><c>x[-(Bars+1)]</c>: the value <see cref="Bars"/> bars ago.</summary>
internal sealed class ShiftNode(BoundNode operand, int bars, SourceSpan span) : BoundNode(operand.Kind, operand.Context, span)
{
    public BoundNode Operand { get; } = operand;

    public int Bars { get; } = bars;

    public override int WarmUp => Operand.WarmUp + Bars;

    public override bool NeedsHistory => true;

    public override IReadOnlyList<BoundNode> Children => [Operand];

    public override string Key => $"shift:{Bars}:{Operand.Id}";
}

/// <summary>One registry indicator over its input series, with validated parameters.</summary>
internal sealed class IndicatorNode : BoundNode
{
    private readonly BoundNode[] _inputs;
    private readonly int _warmUp;

    public IndicatorNode(IndicatorDefinition definition, double[] parameters, BoundNode[] inputs, int context, SourceSpan span)
        : base(ValueKind.Multi, context, span)
    {
        Definition = definition;
        Parameters = parameters;
        _inputs = inputs;
        var inputWarmUp = 0;
        foreach (var input in inputs)
        {
            inputWarmUp = Math.Max(inputWarmUp, input.WarmUp);
        }

        _warmUp = inputWarmUp + definition.Lookback(parameters);
    }

    public IndicatorDefinition Definition { get; }

    public double[] Parameters { get; }

    public IReadOnlyList<BoundNode> Inputs => _inputs;

    public override int WarmUp => _warmUp;

    public override bool NeedsHistory => true;

    public override IReadOnlyList<BoundNode> Children => _inputs;

    public override string Key =>
        $"ind:{Definition.Name}:{Context}:{string.Join(',', Parameters.Select(Num))}:{string.Join(',', _inputs.Select(i => i.Id))}";
}

/// <summary>Output <see cref="Index"/> of an indicator (single-output indicators use output 0).</summary>
internal sealed class OutputNode(IndicatorNode indicator, int index, SourceSpan span) : BoundNode(ValueKind.Number, indicator.Context, span)
{
    public IndicatorNode Indicator { get; } = indicator;

    public int Index { get; } = index;

    public override int WarmUp => Indicator.WarmUp;

    public override IReadOnlyList<BoundNode> Children => [Indicator];

    public override string Key => $"out:{Index}:{Indicator.Id}";
}

/// <summary>A series helper with state across bars: windows, crosses, barssince, valuewhen.</summary>
internal sealed class WindowNode : BoundNode
{
    private readonly BoundNode[] _arguments;

    public WindowNode(WindowKind window, BoundNode[] arguments, int length, ValueKind kind, int context, SourceSpan span)
        : base(kind, context, span)
    {
        Window = window;
        _arguments = arguments;
        Length = length;
    }

    public WindowKind Window { get; }

    public IReadOnlyList<BoundNode> Arguments => _arguments;

    /// <summary>Window length for windows; occurrence for valuewhen; 0 otherwise.</summary>
    public int Length { get; }

    public override int WarmUp
    {
        get
        {
            var w = 0;
            foreach (var a in _arguments)
            {
                w = Math.Max(w, a.WarmUp);
            }

            return Window switch
            {
                WindowKind.Highest or WindowKind.Lowest or WindowKind.Sum or WindowKind.Mean or WindowKind.Stdev => w + Length - 1,
                WindowKind.Crossover or WindowKind.Crossunder or WindowKind.Cross => w + 1,
                _ => w,
            };
        }
    }

    public override bool NeedsHistory => Window is not (WindowKind.BarsSince or WindowKind.ValueWhen);

    public override IReadOnlyList<BoundNode> Children => _arguments;

    public override string Key => $"win:{Window}:{Length}:{Context}:{string.Join(',', _arguments.Select(a => a.Id))}";
}

/// <summary>
/// A value computed in another context, aligned onto this one: at each bar, the value of the last bar of
/// <see cref="From"/> that has closed by the time this bar closes (never a bar still open).
/// </summary>
internal sealed class AlignNode(BoundNode operand, int from, int to, SourceSpan span) : BoundNode(operand.Kind, to, span)
{
    public BoundNode Operand { get; } = operand;

    public int From { get; } = from;

    public override IReadOnlyList<BoundNode> Children => [Operand];

    public override string Key => $"align:{From}:{Context}:{Operand.Id}";
}

/// <summary><c>ticker == "..."</c> and the like: strings are fixed per run, so this is a constant known when the run starts.</summary>
internal sealed class StringCompareNode(BoundNode left, BoundNode right, bool equal, int context, SourceSpan span)
    : BoundNode(ValueKind.Bool, context, span)
{
    public BoundNode Left { get; } = left;

    public BoundNode Right { get; } = right;

    public bool Equal { get; } = equal;

    public override IReadOnlyList<BoundNode> Children => [Left, Right];

    public override string Key => $"strcmp:{Equal}:{Context}:{Left.Id}:{Right.Id}";
}

/// <summary>Stands for an expression that already has a diagnostic; never reaches compilation.</summary>
internal sealed class ErrorNode(SourceSpan span) : BoundNode(ValueKind.Error, -1, span)
{
    public override string Key => "error";
}
