using Tradewind.Signals.Binding;

namespace Tradewind.Signals.Compilation;

internal enum ScalarKind
{
    Portfolio,
    Unary,
    Binary,
    Select,
}

/// <summary>
/// One operation of the bar-by-bar program that evaluates what depends on position state. Instructions run in order
/// and write <see cref="Register"/>; operands are constants, columns read at the bar, or earlier registers.
/// </summary>
internal readonly record struct ScalarInstruction(
    ScalarKind Kind,
    PortfolioField Field,
    UnaryOp UnaryOp,
    BinaryOp BinaryOp,
    double Parameter,
    Operand A,
    Operand B,
    Operand C,
    int Register);
