using System.Globalization;
using Tradewind.Indicators;
using Tradewind.Signals.Binding;
using Tradewind.Signals.Compilation.Kernels;

namespace Tradewind.Signals.Compilation;

// The step kinds of a plan. Each Execute runs one kernel over whole columns.

internal sealed class DataStep(DataField field, int context, int output) : PlanStep([], [output], context)
{
    public DataField Field { get; } = field;

    public override void Execute(ExecutionFrame frame) =>
        DataColumns.Compute(Field, frame.Context(Context), frame.Output(Outputs[0]));

    public override string Describe() => $"s{Outputs[0]} = {Field}@{Context}";
}

internal sealed class FillStep(double value, int context, int output) : PlanStep([], [output], context)
{
    public double Value { get; } = value;

    public override bool IsKernel => false;

    public override void Execute(ExecutionFrame frame) => frame.Output(Outputs[0]).Fill(Value);

    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"s{Outputs[0]} = fill({Value})@{Context}");
}

internal sealed class UnaryStep(UnaryOp op, double parameter, int input, int context, int output) : PlanStep([input], [output], context)
{
    public override void Execute(ExecutionFrame frame)
    {
        var x = frame.Input(Inputs[0]);
        var d = frame.Output(Outputs[0]);
        switch (op)
        {
            case UnaryOp.Negate:
                VectorKernels.Unary<NegateOp>(x, d);
                break;
            case UnaryOp.Not:
                VectorKernels.Unary<NotOp>(x, d);
                break;
            case UnaryOp.Abs:
                VectorKernels.Unary<AbsOp>(x, d);
                break;
            case UnaryOp.Log:
                VectorKernels.Unary<LogOp>(x, d);
                break;
            case UnaryOp.Exp:
                VectorKernels.Unary<ExpOp>(x, d);
                break;
            case UnaryOp.Sqrt:
                VectorKernels.Unary<SqrtOp>(x, d);
                break;
            case UnaryOp.IsNa:
                VectorKernels.Unary<IsNaOp>(x, d);
                break;
            default:
                for (var i = 0; i < d.Length; i++)
                {
                    d[i] = ScalarMath.Unary(op, x[i], parameter);
                }

                break;
        }
    }

    public override string Describe() => $"s{Outputs[0]} = {op}(s{Inputs[0]})";
}

internal sealed class BinaryStep(BinaryOp op, Operand left, Operand right, int context, int output)
    : PlanStep(SlotsOf(left, right), [output], context)
{
    public override void Execute(ExecutionFrame frame)
    {
        var d = frame.Output(Outputs[0]);
        switch (op)
        {
            case BinaryOp.Add: Run<AddOp>(frame, d); break;
            case BinaryOp.Subtract: Run<SubtractOp>(frame, d); break;
            case BinaryOp.Multiply: Run<MultiplyOp>(frame, d); break;
            case BinaryOp.Divide: Run<DivideOp>(frame, d); break;
            case BinaryOp.Modulo: Run<ModuloOp>(frame, d); break;
            case BinaryOp.Power: Run<PowerOp>(frame, d); break;
            case BinaryOp.Less: Run<LessOp>(frame, d); break;
            case BinaryOp.LessEqual: Run<LessEqualOp>(frame, d); break;
            case BinaryOp.Greater: Run<GreaterOp>(frame, d); break;
            case BinaryOp.GreaterEqual: Run<GreaterEqualOp>(frame, d); break;
            case BinaryOp.Equal: Run<EqualOp>(frame, d); break;
            case BinaryOp.NotEqual: Run<NotEqualOp>(frame, d); break;
            case BinaryOp.And: Run<AndOp>(frame, d); break;
            case BinaryOp.Or: Run<OrOp>(frame, d); break;
            case BinaryOp.Min: Run<MinOp>(frame, d); break;
            case BinaryOp.Max: Run<MaxOp>(frame, d); break;
            case BinaryOp.Nz: Run<NzOp>(frame, d); break;
            default: throw new InvalidOperationException($"No kernel for {op}.");
        }
    }

    public override string Describe() => $"s{Outputs[0]} = {op}({Text(left)}, {Text(right)})";

    internal static string Text(Operand o) =>
        o.IsConstant ? o.Value.ToString("R", CultureInfo.InvariantCulture) : $"s{o.Index}";

    private static int[] SlotsOf(Operand a, Operand b) =>
        (a.IsConstant, b.IsConstant) switch
        {
            (true, true) => [],
            (true, false) => [b.Index],
            (false, true) => [a.Index],
            _ => [a.Index, b.Index],
        };

    private void Run<TOp>(ExecutionFrame frame, Span<double> d)
        where TOp : struct, IBinaryOp
    {
        if (left.IsConstant)
        {
            VectorKernels.Binary<TOp>(left.Value, frame.Input(right.Index), d);
        }
        else if (right.IsConstant)
        {
            VectorKernels.Binary<TOp>(frame.Input(left.Index), right.Value, d);
        }
        else
        {
            VectorKernels.Binary<TOp>(frame.Input(left.Index), frame.Input(right.Index), d);
        }
    }
}

internal sealed class SelectStep(int condition, Operand whenTrue, Operand whenFalse, int context, int output)
    : PlanStep(
        [condition, .. whenTrue.IsConstant ? Array.Empty<int>() : [whenTrue.Index], .. whenFalse.IsConstant ? Array.Empty<int>() : [whenFalse.Index]],
        [output],
        context)
{
    public override void Execute(ExecutionFrame frame) =>
        VectorKernels.Select(
            frame.Input(condition),
            whenTrue,
            whenFalse,
            whenTrue.IsConstant ? default : frame.Input(whenTrue.Index),
            whenFalse.IsConstant ? default : frame.Input(whenFalse.Index),
            frame.Output(Outputs[0]));

    public override string Describe() =>
        $"s{Outputs[0]} = s{condition} ? {BinaryStep.Text(whenTrue)} : {BinaryStep.Text(whenFalse)}";
}

internal sealed class ShiftStep(int input, int bars, double fill, int context, int output) : PlanStep([input], [output], context)
{
    public override void Execute(ExecutionFrame frame) =>
        WindowKernels.Shift(frame.Input(Inputs[0]), bars, fill, frame.Output(Outputs[0]));

    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"s{Outputs[0]} = s{Inputs[0]}[-{bars + 1}]");
}

internal sealed class IndicatorStep(IndicatorDefinition definition, double[] parameters, int[] inputs, int[] outputs, int context)
    : PlanStep(inputs, outputs, context)
{
    public override void Execute(ExecutionFrame frame)
    {
        var ctx = frame.Context(Context);
        var i = Inputs;
        var o = Outputs;
        var indicatorInputs = new IndicatorInputs(
            i.Length > 0 ? frame.Input(i[0]) : default,
            i.Length > 1 ? frame.Input(i[1]) : default,
            i.Length > 2 ? frame.Input(i[2]) : default,
            i.Length > 3 ? frame.Input(i[3]) : default,
            i.Length > 4 ? frame.Input(i[4]) : default,
            ctx.Candles.Time);
        var indicatorOutputs = new IndicatorOutputs(
            frame.Output(o[0]),
            o.Length > 1 ? frame.Output(o[1]) : default,
            o.Length > 2 ? frame.Output(o[2]) : default,
            o.Length > 3 ? frame.Output(o[3]) : default,
            o.Length > 4 ? frame.Output(o[4]) : default);
        definition.Compute(indicatorInputs, parameters, indicatorOutputs);
    }

    public override string Describe() =>
        $"{string.Join(", ", Outputs.Select(o => $"s{o}"))} = {definition.Name}({string.Join(", ", Inputs.Select(x => $"s{x}"))}; {string.Join(", ", parameters.Select(p => p.ToString("R", CultureInfo.InvariantCulture)))})";
}

internal sealed class WindowStep(WindowKind kind, int[] inputs, int length, int context, int output) : PlanStep(inputs, [output], context)
{
    public override void Execute(ExecutionFrame frame)
    {
        var d = frame.Output(Outputs[0]);
        var a = frame.Input(Inputs[0]);
        switch (kind)
        {
            case WindowKind.Crossover:
                WindowKernels.Crossover(a, frame.Input(Inputs[1]), d);
                break;
            case WindowKind.Crossunder:
                WindowKernels.Crossunder(a, frame.Input(Inputs[1]), d);
                break;
            case WindowKind.Cross:
                WindowKernels.Cross(a, frame.Input(Inputs[1]), d);
                break;
            case WindowKind.Highest:
                WindowKernels.Extreme(a, length, highest: true, d);
                break;
            case WindowKind.Lowest:
                WindowKernels.Extreme(a, length, highest: false, d);
                break;
            case WindowKind.Sum:
                WindowKernels.Sum(a, length, mean: false, d);
                break;
            case WindowKind.Mean:
                WindowKernels.Sum(a, length, mean: true, d);
                break;
            case WindowKind.Stdev:
                WindowKernels.Stdev(a, length, d);
                break;
            case WindowKind.BarsSince:
                WindowKernels.BarsSince(a, d);
                break;
            case WindowKind.ValueWhen:
                WindowKernels.ValueWhen(a, frame.Input(Inputs[1]), length, d);
                break;
            default:
                throw new InvalidOperationException($"No kernel for {kind}.");
        }
    }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"s{Outputs[0]} = {kind}({string.Join(", ", Inputs.Select(x => $"s{x}"))}; {length})");
}

/// <summary>Brings a column of context <c>from</c> onto the bars of context <c>to</c> (see <see cref="AlignNode"/>).</summary>
internal sealed class AlignStep(int input, int from, double fill, int context, int output) : PlanStep([input], [output], context)
{
    public override void Execute(ExecutionFrame frame)
    {
        var map = frame.AlignmentMap(from, Context);
        var source = frame.Input(Inputs[0]);
        var d = frame.Output(Outputs[0]);
        for (var i = 0; i < d.Length; i++)
        {
            var j = map[i];
            d[i] = j < 0 ? fill : source[j];
        }
    }

    public override string Describe() => $"s{Outputs[0]} = align(s{Inputs[0]}@{from} -> @{Context})";
}

internal sealed class StringCompareStep(BoundNode left, BoundNode right, bool equal, int context, int output) : PlanStep([], [output], context)
{
    public override bool IsKernel => false;

    public override void Execute(ExecutionFrame frame)
    {
        // A ticker compares by its canonical form, so "btc/usdt" matches BINANCE:BTC/USDT on Binance.
        var asTicker = left is ContextStringNode { Field: ContextField.Ticker } || right is ContextStringNode { Field: ContextField.Ticker };
        var a = frame.StringValue(left, Context, asTicker);
        var b = frame.StringValue(right, Context, asTicker);
        var same = string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        frame.Output(Outputs[0]).Fill(same == equal ? 1 : 0);
    }

    public override string Describe() => $"s{Outputs[0]} = strcmp({(equal ? "==" : "!=")})@{Context}";
}
