using System.Numerics;

namespace Tradewind.Signals.Compilation.Kernels;

/// <summary>
/// An elementwise operator on two series. Kernels are generic over a struct implementing this, so the JIT emits one
/// specialised loop per operator with no virtual call per element. <see cref="Vector(Vector{double}, Vector{double})"/>
/// must agree with <see cref="Scalar"/> lane by lane.
/// </summary>
internal interface IBinaryOp
{
    static abstract double Scalar(double a, double b);

    static abstract Vector<double> Vector(Vector<double> a, Vector<double> b);
}
