using System.Numerics;

namespace Tradewind.Signals.Compilation.Kernels;

internal readonly struct NegateOp : IUnaryOp
{
    public static double Scalar(double x) => -x;

    public static Vector<double> Vector(Vector<double> x) => -x;
}

internal readonly struct NotOp : IUnaryOp
{
    public static double Scalar(double x) => x == 0 ? 1 : 0;

    public static Vector<double> Vector(Vector<double> x) => VectorConstants.ToBool(System.Numerics.Vector.Equals<double>(x, Vector<double>.Zero));
}

internal readonly struct AbsOp : IUnaryOp
{
    public static double Scalar(double x) => Math.Abs(x);

    public static Vector<double> Vector(Vector<double> x) => System.Numerics.Vector.Abs(x);
}

internal readonly struct SqrtOp : IUnaryOp
{
    public static double Scalar(double x) => ScalarMath.Sqrt(x);

    // The hardware square root of a negative number is NaN already, which is what ScalarMath.Sqrt returns.
    public static Vector<double> Vector(Vector<double> x) => System.Numerics.Vector.SquareRoot(x);
}

internal readonly struct IsNaOp : IUnaryOp
{
    public static double Scalar(double x) => double.IsNaN(x) ? 1 : 0;

    public static Vector<double> Vector(Vector<double> x) => VectorConstants.ToBool(VectorConstants.IsNaN(x));
}

internal readonly struct LogOp : IUnaryOp
{
    public static double Scalar(double x) => ScalarMath.Log(x);

    public static Vector<double> Vector(Vector<double> x)
    {
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = ScalarMath.Log(x[i]);
        }

        return new Vector<double>(lanes);
    }
}

internal readonly struct ExpOp : IUnaryOp
{
    public static double Scalar(double x) => Math.Exp(x);

    public static Vector<double> Vector(Vector<double> x)
    {
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = Math.Exp(x[i]);
        }

        return new Vector<double>(lanes);
    }
}
