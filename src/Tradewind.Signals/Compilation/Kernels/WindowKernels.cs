using System.Buffers;

namespace Tradewind.Signals.Compilation.Kernels;

/// <summary>
/// Series helpers that carry state across bars. All are O(n) whatever the window, so a long window cannot blow the
/// time budget. A window containing na gives na (so a warm-up propagates instead of being averaged away).
/// </summary>
internal static class WindowKernels
{
    public static void Crossover(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
    {
        var n = destination.Length;
        if (n == 0)
        {
            return;
        }

        destination[0] = 0;
        for (var i = 1; i < n; i++)
        {
            destination[i] = a[i] > b[i] && a[i - 1] <= b[i - 1] ? 1 : 0;
        }
    }

    public static void Crossunder(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
    {
        var n = destination.Length;
        if (n == 0)
        {
            return;
        }

        destination[0] = 0;
        for (var i = 1; i < n; i++)
        {
            destination[i] = a[i] < b[i] && a[i - 1] >= b[i - 1] ? 1 : 0;
        }
    }

    public static void Cross(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
    {
        var n = destination.Length;
        if (n == 0)
        {
            return;
        }

        destination[0] = 0;
        for (var i = 1; i < n; i++)
        {
            var up = a[i] > b[i] && a[i - 1] <= b[i - 1];
            var down = a[i] < b[i] && a[i - 1] >= b[i - 1];
            destination[i] = up || down ? 1 : 0;
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
