using System.Runtime.CompilerServices;
using Tradewind.Signals.Binding;

namespace Tradewind.Signals.Compilation.Kernels;

/// <summary>
/// The meaning of every elementwise operator on one value. Constant folding, the bar-by-bar evaluator and the vector
/// kernels' scalar tails all use these, so a value never depends on which path computed it.
/// Booleans are 1 and 0; na is NaN; any comparison with na is false (0), including <c>!=</c>.
/// </summary>
internal static class ScalarMath
{
    public static double Unary(UnaryOp op, double x, double parameter) => op switch
    {
        UnaryOp.Negate => -x,
        UnaryOp.Not => x == 0 ? 1 : 0,
        UnaryOp.Abs => Math.Abs(x),
        UnaryOp.Log => Log(x),
        UnaryOp.Exp => Math.Exp(x),
        UnaryOp.Sqrt => Sqrt(x),
        UnaryOp.IsNa => double.IsNaN(x) ? 1 : 0,
        UnaryOp.Round => Round(x, (int)parameter),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static double Binary(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Subtract => a - b,
        BinaryOp.Multiply => a * b,
        BinaryOp.Divide => Divide(a, b),
        BinaryOp.Modulo => Modulo(a, b),
        BinaryOp.Power => Math.Pow(a, b),
        BinaryOp.Less => a < b ? 1 : 0,
        BinaryOp.LessEqual => a <= b ? 1 : 0,
        BinaryOp.Greater => a > b ? 1 : 0,
        BinaryOp.GreaterEqual => a >= b ? 1 : 0,
        BinaryOp.Equal => a == b ? 1 : 0,
        BinaryOp.NotEqual => NotEqual(a, b),
        BinaryOp.And => a != 0 && b != 0 ? 1 : 0,
        BinaryOp.Or => a != 0 || b != 0 ? 1 : 0,
        BinaryOp.Min => Min(a, b),
        BinaryOp.Max => Max(a, b),
        BinaryOp.Nz => double.IsNaN(a) ? b : a,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>Division by zero is na, not infinity: a signal should not fire on a degenerate bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Divide(double a, double b) => b == 0 ? double.NaN : a / b;

    /// <summary>Floored modulo (the result has the sign of the divisor), so <c>bar_index % 7</c> style cycles work for negatives too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Modulo(double a, double b) => b == 0 ? double.NaN : a - (b * Math.Floor(a / b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NotEqual(double a, double b) => a != b && !double.IsNaN(a) && !double.IsNaN(b) ? 1 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Min(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x) => x > 0 ? Math.Log(x) : double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sqrt(double x) => x >= 0 ? Math.Sqrt(x) : double.NaN;

    public static double Round(double x, int digits) =>
        double.IsFinite(x) ? Math.Round(x, Math.Clamp(digits, 0, 15), MidpointRounding.AwayFromZero) : x;
}
