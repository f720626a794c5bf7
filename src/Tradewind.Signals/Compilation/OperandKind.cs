namespace Tradewind.Signals.Compilation;

internal enum OperandKind
{
    Constant,
    Column,
    Register,
}
