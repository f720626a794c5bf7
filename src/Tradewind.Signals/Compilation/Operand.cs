namespace Tradewind.Signals.Compilation;

/// <summary>Where a step reads a value: a constant, a column (slot) of the plan, or a bar-by-bar register.</summary>
internal readonly record struct Operand(OperandKind Kind, int Index, double Value)
{
    public bool IsConstant => Kind == OperandKind.Constant;

    public static Operand Constant(double value) => new(OperandKind.Constant, -1, value);

    public static Operand Column(int slot) => new(OperandKind.Column, slot, 0);

    public static Operand Register(int register) => new(OperandKind.Register, register, 0);
}
