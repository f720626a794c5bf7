using System.Numerics;

namespace Tradewind.Signals.Compilation.Kernels;

/// <summary>An elementwise operator on one series; see <see cref="IBinaryOp"/>.</summary>
internal interface IUnaryOp
{
    static abstract double Scalar(double x);

    static abstract Vector<double> Vector(Vector<double> x);
}
