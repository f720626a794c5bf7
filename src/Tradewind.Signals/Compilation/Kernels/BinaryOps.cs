using System.Numerics;
using System.Runtime.CompilerServices;

namespace Tradewind.Signals.Compilation.Kernels;

// The DSL's binary operators as struct kernels. Booleans are 1.0/0.0. Comparisons produce 0 when either side is
// NaN because IEEE comparisons with NaN are false, and the mask-and-one trick keeps that in the vector path.

internal static class VectorConstants
{
    public static readonly Vector<double> One = Vector<double>.One;
    public static readonly Vector<double> NaN = new(double.NaN);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> IsNaN(Vector<double> x) => ~Vector.Equals<double>(x, x);

    /// <summary>1.0 where the mask is set, 0.0 elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> ToBool(Vector<double> mask) => mask & One;
}

internal readonly struct AddOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a + b;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) => a + b;
}

internal readonly struct SubtractOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a - b;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) => a - b;
}

internal readonly struct MultiplyOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a * b;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) => a * b;
}

internal readonly struct DivideOp : IBinaryOp
{
    public static double Scalar(double a, double b) => ScalarMath.Divide(a, b);

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) =>
        System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.Equals<double>(b, Vector<double>.Zero), VectorConstants.NaN, a / b);
}

internal readonly struct ModuloOp : IBinaryOp
{
    public static double Scalar(double a, double b) => ScalarMath.Modulo(a, b);

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) =>
        System.Numerics.Vector.ConditionalSelect(
            System.Numerics.Vector.Equals<double>(b, Vector<double>.Zero),
            VectorConstants.NaN,
            a - (b * System.Numerics.Vector.Floor(a / b)));
}

internal readonly struct PowerOp : IBinaryOp
{
    public static double Scalar(double a, double b) => Math.Pow(a, b);

    public static Vector<double> Vector(Vector<double> a, Vector<double> b)
    {
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = Math.Pow(a[i], b[i]);
        }

        return new Vector<double>(lanes);
    }
}

internal readonly struct LessOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a < b ? 1 : 0;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) => VectorConstants.ToBool(System.Numerics.Vector.LessThan<double>(a, b));
}

internal readonly struct LessEqualOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a <= b ? 1 : 0;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) => VectorConstants.ToBool(System.Numerics.Vector.LessThanOrEqual<double>(a, b));
}

internal readonly struct GreaterOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a > b ? 1 : 0;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) => VectorConstants.ToBool(System.Numerics.Vector.GreaterThan<double>(a, b));
}

internal readonly struct GreaterEqualOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a >= b ? 1 : 0;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) => VectorConstants.ToBool(System.Numerics.Vector.GreaterThanOrEqual<double>(a, b));
}

internal readonly struct EqualOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a == b ? 1 : 0;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) => VectorConstants.ToBool(System.Numerics.Vector.Equals<double>(a, b));
}

internal readonly struct NotEqualOp : IBinaryOp
{
    public static double Scalar(double a, double b) => ScalarMath.NotEqual(a, b);

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) =>
        VectorConstants.ToBool(~System.Numerics.Vector.Equals<double>(a, b) & System.Numerics.Vector.Equals<double>(a, a) & System.Numerics.Vector.Equals<double>(b, b));
}

/// <summary>Booleans are exactly 0 or 1 (never NaN), so 'and' is a product.</summary>
internal readonly struct AndOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a != 0 && b != 0 ? 1 : 0;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) =>
        VectorConstants.ToBool(~System.Numerics.Vector.Equals<double>(a, Vector<double>.Zero) & ~System.Numerics.Vector.Equals<double>(b, Vector<double>.Zero));
}

internal readonly struct OrOp : IBinaryOp
{
    public static double Scalar(double a, double b) => a != 0 || b != 0 ? 1 : 0;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) =>
        VectorConstants.ToBool(~System.Numerics.Vector.Equals<double>(a, Vector<double>.Zero) | ~System.Numerics.Vector.Equals<double>(b, Vector<double>.Zero));
}

internal readonly struct MinOp : IBinaryOp
{
    public static double Scalar(double a, double b) => ScalarMath.Min(a, b);

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) =>
        System.Numerics.Vector.ConditionalSelect(
            VectorConstants.IsNaN(a) | VectorConstants.IsNaN(b),
            VectorConstants.NaN,
            System.Numerics.Vector.Min(a, b));
}

internal readonly struct MaxOp : IBinaryOp
{
    public static double Scalar(double a, double b) => ScalarMath.Max(a, b);

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) =>
        System.Numerics.Vector.ConditionalSelect(
            VectorConstants.IsNaN(a) | VectorConstants.IsNaN(b),
            VectorConstants.NaN,
            System.Numerics.Vector.Max(a, b));
}

internal readonly struct NzOp : IBinaryOp
{
    public static double Scalar(double a, double b) => double.IsNaN(a) ? b : a;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b) =>
        System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.Equals<double>(a, a), a, b);
}
