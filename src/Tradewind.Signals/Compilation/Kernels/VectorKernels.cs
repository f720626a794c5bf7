using System.Numerics;
using System.Runtime.InteropServices;

namespace Tradewind.Signals.Compilation.Kernels;

/// <summary>
/// Elementwise loops over whole series: SIMD over <see cref="Vector{T}"/> lanes when the hardware has it, then a
/// scalar tail. Each operator is a type argument, so every instantiation is a tight loop with the operator inlined.
/// </summary>
internal static class VectorKernels
{
    public static void Binary<TOp>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
        where TOp : struct, IBinaryOp
    {
        var n = destination.Length;
        a = a[..n];
        b = b[..n];
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(destination);
            for (var k = 0; k < vd.Length; k++)
            {
                vd[k] = TOp.Vector(va[k], vb[k]);
            }

            i = vd.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            destination[i] = TOp.Scalar(a[i], b[i]);
        }
    }

    public static void Binary<TOp>(ReadOnlySpan<double> a, double b, Span<double> destination)
        where TOp : struct, IBinaryOp
    {
        var n = destination.Length;
        a = a[..n];
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(destination);
            var vb = new Vector<double>(b);
            for (var k = 0; k < vd.Length; k++)
            {
                vd[k] = TOp.Vector(va[k], vb);
            }

            i = vd.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            destination[i] = TOp.Scalar(a[i], b);
        }
    }

    public static void Binary<TOp>(double a, ReadOnlySpan<double> b, Span<double> destination)
        where TOp : struct, IBinaryOp
    {
        var n = destination.Length;
        b = b[..n];
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(destination);
            var va = new Vector<double>(a);
            for (var k = 0; k < vd.Length; k++)
            {
                vd[k] = TOp.Vector(va, vb[k]);
            }

            i = vd.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            destination[i] = TOp.Scalar(a, b[i]);
        }
    }

    public static void Unary<TOp>(ReadOnlySpan<double> x, Span<double> destination)
        where TOp : struct, IUnaryOp
    {
        var n = destination.Length;
        x = x[..n];
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(destination);
            for (var k = 0; k < vd.Length; k++)
            {
                vd[k] = TOp.Vector(vx[k]);
            }

            i = vd.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            destination[i] = TOp.Scalar(x[i]);
        }
    }

    /// <summary><c>destination[i] = condition[i] != 0 ? whenTrue[i] : whenFalse[i]</c>; constants are broadcast.</summary>
    public static void Select(ReadOnlySpan<double> condition, in Operand whenTrue, in Operand whenFalse, ReadOnlySpan<double> trueColumn, ReadOnlySpan<double> falseColumn, Span<double> destination)
    {
        var n = destination.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vc = MemoryMarshal.Cast<double, Vector<double>>(condition[..n]);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(destination);
            var vt = whenTrue.IsConstant ? default : MemoryMarshal.Cast<double, Vector<double>>(trueColumn[..n]);
            var vf = whenFalse.IsConstant ? default : MemoryMarshal.Cast<double, Vector<double>>(falseColumn[..n]);
            var ct = new Vector<double>(whenTrue.Value);
            var cf = new Vector<double>(whenFalse.Value);
            for (var k = 0; k < vd.Length; k++)
            {
                var mask = ~Vector.Equals(vc[k], Vector<double>.Zero);
                vd[k] = Vector.ConditionalSelect(mask, whenTrue.IsConstant ? ct : vt[k], whenFalse.IsConstant ? cf : vf[k]);
            }

            i = vd.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            destination[i] = condition[i] != 0
                ? (whenTrue.IsConstant ? whenTrue.Value : trueColumn[i])
                : (whenFalse.IsConstant ? whenFalse.Value : falseColumn[i]);
        }
    }
}
