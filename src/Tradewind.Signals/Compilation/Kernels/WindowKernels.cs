using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Tradewind.Signals.Compilation.Kernels;

/// <summary>
/// Series helpers that carry state across bars. All are O(n) whatever the window, so a long window cannot blow the
/// time budget. A window containing na gives na (so a warm-up propagates instead of being averaged away).
/// </summary>
internal static class WindowKernels
{
    public static void Crossover(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination) =>
        CrossKernel<CrossoverOp>(a, b, destination);

    public static void Crossunder(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination) =>
        CrossKernel<CrossunderOp>(a, b, destination);

    public static void Cross(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination) =>
        CrossKernel<CrossOp>(a, b, destination);

    /// <summary>
    /// A cross compares each bar with the one before: a vector at i and the same vector loaded one element earlier.
    /// Branch-free, because on real prices the outcome is close to random and mispredictions dominated.
    /// </summary>
    private static void CrossKernel<TOp>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
        where TOp : struct, ICrossOp
    {
        var n = destination.Length;
        if (n == 0)
        {
            return;
        }

        destination[0] = 0;
        var i = 1;
        if (Vector.IsHardwareAccelerated && n > Vector<double>.Count)
        {
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            ref var rd = ref MemoryMarshal.GetReference(destination);
            var last = n - Vector<double>.Count;
            for (; i <= last; i += Vector<double>.Count)
            {
                var now = TOp.Vector(
                    Vector.LoadUnsafe(ref ra, (nuint)i),
                    Vector.LoadUnsafe(ref rb, (nuint)i),
                    Vector.LoadUnsafe(ref ra, (nuint)(i - 1)),
                    Vector.LoadUnsafe(ref rb, (nuint)(i - 1)));
                now.StoreUnsafe(ref rd, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            destination[i] = TOp.Scalar(a[i], b[i], a[i - 1], b[i - 1]);
        }
    }

    /// <summary>Highest (or lowest) of the last <paramref name="length"/> values, with a monotonic deque.</summary>
    public static void Extreme(ReadOnlySpan<double> x, int length, bool highest, Span<double> destination)
    {
        var n = destination.Length;
        var ring = ArrayPool<int>.Shared.Rent(length + 1);
        try
        {
            var capacity = length + 1;
            int head = 0, count = 0;
            var lastNaN = -1;
            for (var i = 0; i < n; i++)
            {
                var v = x[i];
                if (double.IsNaN(v))
                {
                    lastNaN = i;
                }
                else
                {
                    // Drop candidates the new value dominates; they can never be the extreme again.
                    while (count > 0)
                    {
                        var tail = x[ring[(head + count - 1) % capacity]];
                        if (highest ? tail <= v : tail >= v)
                        {
                            count--;
                        }
                        else
                        {
                            break;
                        }
                    }

                    ring[(head + count) % capacity] = i;
                    count++;
                }

                while (count > 0 && ring[head] <= i - length)
                {
                    head = (head + 1) % capacity;
                    count--;
                }

                destination[i] = i < length - 1 || i - lastNaN < length || count == 0 ? double.NaN : x[ring[head]];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ring);
        }
    }

    /// <summary>Rolling sum (or mean) over <paramref name="length"/> bars; na while the window holds an na.</summary>
    public static void Sum(ReadOnlySpan<double> x, int length, bool mean, Span<double> destination)
    {
        var n = destination.Length;
        var sum = 0.0;
        var nanCount = 0;
        for (var i = 0; i < n; i++)
        {
            var v = x[i];
            if (double.IsNaN(v))
            {
                nanCount++;
            }
            else
            {
                sum += v;
            }

            if (i >= length)
            {
                var old = x[i - length];
                if (double.IsNaN(old))
                {
                    nanCount--;
                }
                else
                {
                    sum -= old;
                }
            }

            destination[i] = i < length - 1 || nanCount > 0 ? double.NaN : (mean ? sum / length : sum);
        }
    }

    /// <summary>Population standard deviation over <paramref name="length"/> bars (TA-Lib STDDEV with nbdev 1).</summary>
    public static void Stdev(ReadOnlySpan<double> x, int length, Span<double> destination)
    {
        var n = destination.Length;
        double sum = 0, sumSquares = 0;
        var nanCount = 0;
        for (var i = 0; i < n; i++)
        {
            var v = x[i];
            if (double.IsNaN(v))
            {
                nanCount++;
            }
            else
            {
                sum += v;
                sumSquares += v * v;
            }

            if (i >= length)
            {
                var old = x[i - length];
                if (double.IsNaN(old))
                {
                    nanCount--;
                }
                else
                {
                    sum -= old;
                    sumSquares -= old * old;
                }
            }

            if (i < length - 1 || nanCount > 0)
            {
                destination[i] = double.NaN;
                continue;
            }

            var m = sum / length;
            var variance = (sumSquares / length) - (m * m);
            destination[i] = variance > 0 ? Math.Sqrt(variance) : 0;
        }
    }

    public static void BarsSince(ReadOnlySpan<double> condition, Span<double> destination)
    {
        var since = double.NaN;
        for (var i = 0; i < destination.Length; i++)
        {
            since = condition[i] != 0 ? 0 : since + 1;
            destination[i] = since;
        }
    }

    /// <summary>Source at the <paramref name="occurrence"/>-th most recent bar (0 = latest) where the condition was true.</summary>
    public static void ValueWhen(ReadOnlySpan<double> condition, ReadOnlySpan<double> source, int occurrence, Span<double> destination)
    {
        var capacity = occurrence + 1;
        var ring = ArrayPool<double>.Shared.Rent(capacity);
        try
        {
            var written = 0;
            for (var i = 0; i < destination.Length; i++)
            {
                if (condition[i] != 0)
                {
                    ring[written % capacity] = source[i];
                    written++;
                }

                destination[i] = written > occurrence ? ring[(written - 1 - occurrence) % capacity] : double.NaN;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(ring);
        }
    }

    /// <summary><c>destination[i] = x[i - bars]</c>, with <paramref name="fill"/> before the start.</summary>
    public static void Shift(ReadOnlySpan<double> x, int bars, double fill, Span<double> destination)
    {
        var n = destination.Length;
        var k = Math.Min(bars, n);
        destination[..k].Fill(fill);
        x[..(n - k)].CopyTo(destination[k..]);
    }
}
