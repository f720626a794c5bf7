using System.Numerics;

namespace Tradewind.Signals.Compilation.Kernels;

/// <summary>A cross test from the current and previous values of two series; 1 or 0 (0 when any value is na).</summary>
internal interface ICrossOp
{
    static abstract double Scalar(double a, double b, double previousA, double previousB);

    static abstract Vector<double> Vector(Vector<double> a, Vector<double> b, Vector<double> previousA, Vector<double> previousB);
}

internal readonly struct CrossoverOp : ICrossOp
{
    public static double Scalar(double a, double b, double previousA, double previousB) => a > b && previousA <= previousB ? 1 : 0;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b, Vector<double> previousA, Vector<double> previousB) =>
        VectorConstants.ToBool(System.Numerics.Vector.GreaterThan<double>(a, b) & System.Numerics.Vector.LessThanOrEqual<double>(previousA, previousB));
}

internal readonly struct CrossunderOp : ICrossOp
{
    public static double Scalar(double a, double b, double previousA, double previousB) => a < b && previousA >= previousB ? 1 : 0;

    public static Vector<double> Vector(Vector<double> a, Vector<double> b, Vector<double> previousA, Vector<double> previousB) =>
        VectorConstants.ToBool(System.Numerics.Vector.LessThan<double>(a, b) & System.Numerics.Vector.GreaterThanOrEqual<double>(previousA, previousB));
}

internal readonly struct CrossOp : ICrossOp
{
    public static double Scalar(double a, double b, double previousA, double previousB) =>
        CrossoverOp.Scalar(a, b, previousA, previousB) + CrossunderOp.Scalar(a, b, previousA, previousB);

    // Up and down crosses exclude each other (a > b and a < b cannot both hold), so their sum is 0 or 1.
    public static Vector<double> Vector(Vector<double> a, Vector<double> b, Vector<double> previousA, Vector<double> previousB) =>
        CrossoverOp.Vector(a, b, previousA, previousB) + CrossunderOp.Vector(a, b, previousA, previousB);
}
