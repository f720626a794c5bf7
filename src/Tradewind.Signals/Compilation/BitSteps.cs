using Tradewind.Signals.Binding;
using Tradewind.Signals.Compilation.Kernels;

namespace Tradewind.Signals.Compilation;

// Steps whose output is a bitset (see BitKernels). The plan uses them for booleans that only feed and/or/not and
// emit_signal conditions; anything else that reads a boolean gets a column of 1.0/0.0 instead.

internal sealed class BitCompareStep(BinaryOp op, Operand left, Operand right, int context, int output)
    : PlanStep(
        [.. left.IsConstant ? Array.Empty<int>() : [left.Index], .. right.IsConstant ? Array.Empty<int>() : [right.Index]],
        [output],
        context)
{
    public override void Execute(ExecutionFrame frame)
    {
        var d = frame.OutputBits(Outputs[0]);
        var n = frame.Length(Outputs[0]);
        BitKernels.Compare(
            op,
            left.IsConstant ? default : frame.Input(left.Index),
            left.Value,
            left.IsConstant,
            right.IsConstant ? default : frame.Input(right.Index),
            right.Value,
            right.IsConstant,
            n,
            d);
    }

    public override string Describe() => $"b{Outputs[0]} = {op}({BinaryStep.Text(left)}, {BinaryStep.Text(right)})";
}

internal sealed class BitLogicStep(BinaryOp op, int left, int right, int context, int output) : PlanStep([left, right], [output], context)
{
    public override void Execute(ExecutionFrame frame)
    {
        var d = frame.OutputBits(Outputs[0]);
        if (op == BinaryOp.And)
        {
            BitKernels.And(frame.InputBits(left), frame.InputBits(right), d);
        }
        else
        {
            BitKernels.Or(frame.InputBits(left), frame.InputBits(right), d);
        }
    }

    public override string Describe() => $"b{Outputs[0]} = {op}(b{left}, b{right})";
}

internal sealed class BitUnaryStep(UnaryOp op, int input, int context, int output) : PlanStep([input], [output], context)
{
    public override void Execute(ExecutionFrame frame)
    {
        var d = frame.OutputBits(Outputs[0]);
        var n = frame.Length(Outputs[0]);
        if (op == UnaryOp.Not)
        {
            BitKernels.Not(frame.InputBits(input), n, d);
        }
        else
        {
            BitKernels.IsNa(frame.Input(input), n, d);
        }
    }

    public override string Describe() => op == UnaryOp.Not ? $"b{Outputs[0]} = Not(b{input})" : $"b{Outputs[0]} = IsNa(s{input})";
}

internal sealed class BitCrossStep(WindowKind kind, int left, int right, int context, int output) : PlanStep([left, right], [output], context)
{
    public override void Execute(ExecutionFrame frame) =>
        BitKernels.Cross(kind, frame.Input(left), frame.Input(right), frame.Length(Outputs[0]), frame.OutputBits(Outputs[0]));

    public override string Describe() => $"b{Outputs[0]} = {kind}(s{left}, s{right})";
}
