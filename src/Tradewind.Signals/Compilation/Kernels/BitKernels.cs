using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Tradewind.Signals.Binding;

namespace Tradewind.Signals.Compilation.Kernels;

/// <summary>
/// Booleans as bitsets: bar <c>i</c> is bit <c>i % 64</c> of word <c>i / 64</c>; bits past the last bar are 0.
/// A comparison reads its numbers once and writes 1/64 of what a column of doubles would; <c>and</c>, <c>or</c> and
/// <c>not</c> then handle 64 bars per instruction. As everywhere, a comparison with na is false.
/// </summary>
internal static class BitKernels
{
    public static int Words(int bars) => (bars + 63) >> 6;

    /// <summary>Bits of <c>a op b</c>; either side may be a constant (the span is then ignored).</summary>
    public static void Compare(BinaryOp op, ReadOnlySpan<double> a, double constantA, bool aIsConstant, ReadOnlySpan<double> b, double constantB, bool bIsConstant, int n, Span<ulong> destination)
    {
        switch (op)
        {
            case BinaryOp.Less: Compare<LessBits>(a, constantA, aIsConstant, b, constantB, bIsConstant, n, destination); break;
            case BinaryOp.LessEqual: Compare<LessEqualBits>(a, constantA, aIsConstant, b, constantB, bIsConstant, n, destination); break;
            case BinaryOp.Greater: Compare<LessBits>(b, constantB, bIsConstant, a, constantA, aIsConstant, n, destination); break;
            case BinaryOp.GreaterEqual: Compare<LessEqualBits>(b, constantB, bIsConstant, a, constantA, aIsConstant, n, destination); break;
            case BinaryOp.Equal: Compare<EqualBits>(a, constantA, aIsConstant, b, constantB, bIsConstant, n, destination); break;
            case BinaryOp.NotEqual: Compare<NotEqualBits>(a, constantA, aIsConstant, b, constantB, bIsConstant, n, destination); break;
            default: throw new InvalidOperationException($"{op} is not a comparison.");
        }
    }

    /// <summary>Bits where x is na.</summary>
    public static void IsNa(ReadOnlySpan<double> x, int n, Span<ulong> destination) =>
        Compare<NotEqualToItselfBits>(x, 0, false, x, 0, false, n, destination);

    public static void And(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> destination)
    {
        for (var w = 0; w < destination.Length; w++)
        {
            destination[w] = a[w] & b[w];
        }
    }

    public static void Or(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> destination)
    {
        for (var w = 0; w < destination.Length; w++)
        {
            destination[w] = a[w] | b[w];
        }
    }

    public static void Not(ReadOnlySpan<ulong> a, int n, Span<ulong> destination)
    {
        for (var w = 0; w < destination.Length; w++)
        {
            destination[w] = ~a[w];
        }

        ClearTail(n, destination);
    }

    /// <summary>
    /// crossover: <c>a &gt; b</c> now and <c>a &lt;= b</c> on the bar before, i.e. the "greater" bits and the
    /// "less or equal" bits moved up one bar. Bar 0 has no bar before it, so it never crosses.
    /// </summary>
    public static void Cross(WindowKind kind, ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n, Span<ulong> destination)
    {
        var words = destination.Length;
        var now = ArrayPool<ulong>.Shared.Rent(words);
        var before = ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            if (kind != WindowKind.Crossunder)
            {
                Compare<LessBits>(b, 0, false, a, 0, false, n, now.AsSpan(0, words));
                Compare<LessEqualBits>(a, 0, false, b, 0, false, n, before.AsSpan(0, words));
                ShiftedAnd(now, before, words, destination, accumulate: false);
            }

            if (kind != WindowKind.Crossover)
            {
                Compare<LessBits>(a, 0, false, b, 0, false, n, now.AsSpan(0, words));
                Compare<LessEqualBits>(b, 0, false, a, 0, false, n, before.AsSpan(0, words));
                ShiftedAnd(now, before, words, destination, accumulate: kind == WindowKind.Cross);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(now);
            ArrayPool<ulong>.Shared.Return(before);
        }
    }

    /// <summary>destination = now &amp; (before shifted up one bar), or |= that when accumulating.</summary>
    private static void ShiftedAnd(ulong[] now, ulong[] before, int words, Span<ulong> destination, bool accumulate)
    {
        ulong carry = 0;
        for (var w = 0; w < words; w++)
        {
            var shifted = (before[w] << 1) | carry;
            carry = before[w] >> 63;
            var value = now[w] & shifted;
            destination[w] = accumulate ? destination[w] | value : value;
        }
    }

    private static void ClearTail(int n, Span<ulong> destination)
    {
        if ((n & 63) != 0 && destination.Length > 0)
        {
            destination[^1] &= (1UL << (n & 63)) - 1;
        }
    }

    private static void Compare<TOp>(ReadOnlySpan<double> a, double constantA, bool aIsConstant, ReadOnlySpan<double> b, double constantB, bool bIsConstant, int n, Span<ulong> destination)
        where TOp : struct, IBitCompare
    {
        var words = destination.Length;
        var full = n >> 6;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var ra = ref aIsConstant ? ref Unsafe.NullRef<double>() : ref MemoryMarshal.GetReference(a);
            ref var rb = ref bIsConstant ? ref Unsafe.NullRef<double>() : ref MemoryMarshal.GetReference(b);
            var ca = Vector256.Create(constantA);
            var cb = Vector256.Create(constantB);
            for (var w = 0; w < full; w++)
            {
                ulong word = 0;
                for (var k = 0; k < 64; k += 4)
                {
                    var va = aIsConstant ? ca : Vector256.LoadUnsafe(ref ra, (nuint)(i + k));
                    var vb = bIsConstant ? cb : Vector256.LoadUnsafe(ref rb, (nuint)(i + k));
                    word |= (ulong)TOp.Mask(va, vb).ExtractMostSignificantBits() << k;
                }

                destination[w] = word;
                i += 64;
            }
        }
        else
        {
            for (var w = 0; w < full; w++)
            {
                ulong word = 0;
                for (var k = 0; k < 64; k++)
                {
                    if (TOp.Test(aIsConstant ? constantA : a[i + k], bIsConstant ? constantB : b[i + k]))
                    {
                        word |= 1UL << k;
                    }
                }

                destination[w] = word;
                i += 64;
            }
        }

        if (full < words)
        {
            ulong word = 0;
            for (var k = 0; i + k < n; k++)
            {
                if (TOp.Test(aIsConstant ? constantA : a[i + k], bIsConstant ? constantB : b[i + k]))
                {
                    word |= 1UL << k;
                }
            }

            destination[full] = word;
        }
    }

    private interface IBitCompare
    {
        static abstract bool Test(double a, double b);

        static abstract Vector256<double> Mask(Vector256<double> a, Vector256<double> b);
    }

    private readonly struct LessBits : IBitCompare
    {
        public static bool Test(double a, double b) => a < b;

        public static Vector256<double> Mask(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
    }

    private readonly struct LessEqualBits : IBitCompare
    {
        public static bool Test(double a, double b) => a <= b;

        public static Vector256<double> Mask(Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(a, b);
    }

    private readonly struct EqualBits : IBitCompare
    {
        public static bool Test(double a, double b) => a == b;

        public static Vector256<double> Mask(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);
    }

    private readonly struct NotEqualBits : IBitCompare
    {
        public static bool Test(double a, double b) => ScalarMath.NotEqual(a, b) != 0;

        public static Vector256<double> Mask(Vector256<double> a, Vector256<double> b) =>
            ~Vector256.Equals(a, b) & Vector256.Equals(a, a) & Vector256.Equals(b, b);
    }

    private readonly struct NotEqualToItselfBits : IBitCompare
    {
        public static bool Test(double a, double b) => double.IsNaN(a);

        public static Vector256<double> Mask(Vector256<double> a, Vector256<double> b) => ~Vector256.Equals(a, a);
    }
}
