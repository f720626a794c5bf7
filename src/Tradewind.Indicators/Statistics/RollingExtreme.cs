using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Tradewind.Indicators.Statistics;

/// <summary>Which of several equal extremes a full rescan of the window keeps; TA-Lib's functions differ here.</summary>
internal enum RescanTies
{
    /// <summary>The earliest bar (strict comparison): TA-Lib MAX, MIN, their INDEX forms, MIDPOINT, MIDPRICE, WILLR, STOCH.</summary>
    Earliest,

    /// <summary>The latest bar (comparison or equal): TA-Lib AROON and AROONOSC.</summary>
    Latest,
}

/// <summary>Which extreme a <see cref="RollingExtreme{TSide}"/> tracks; a struct so the JIT specialises each scan.</summary>
internal interface IExtremeSide
{
    /// <summary>Strictly more extreme.</summary>
    static abstract bool Beats(double candidate, double extreme);

    /// <summary>More extreme or equal.</summary>
    static abstract bool BeatsOrTies(double candidate, double extreme);

    /// <summary><see cref="BeatsOrTies(double, double)"/> as a compare mask, for a branch-free select.</summary>
    static abstract Vector128<double> BeatsOrTies(Vector128<double> candidate, Vector128<double> extreme);
}

internal readonly struct HighestSide : IExtremeSide
{
    public static bool Beats(double candidate, double extreme) => candidate > extreme;

    public static bool BeatsOrTies(double candidate, double extreme) => candidate >= extreme;

    public static Vector128<double> BeatsOrTies(Vector128<double> candidate, Vector128<double> extreme) =>
        Vector128.GreaterThanOrEqual(candidate, extreme);
}

internal readonly struct LowestSide : IExtremeSide
{
    public static bool Beats(double candidate, double extreme) => candidate < extreme;

    public static bool BeatsOrTies(double candidate, double extreme) => candidate <= extreme;

    public static Vector128<double> BeatsOrTies(Vector128<double> candidate, Vector128<double> extreme) =>
        Vector128.LessThanOrEqual(candidate, extreme);
}

/// <summary>
/// The highest or lowest value of a sliding window, walked as TA-Lib walks it in MAX/MIN (and inside AROON, WILLR,
/// STOCH, MIDPOINT, MIDPRICE): keep the extreme while it is inside the window, take a new bar that equals or beats
/// it, and rescan the whole window only when the extreme falls out. On a rescan, <see cref="RescanTies"/> decides
/// which of equal extremes is kept, which moves the next rescan and shows in the INDEX and AROON outputs.
/// Batch kernels pass slices of their input and streaming states a <see cref="SlidingWindow"/>, so both run this code.
/// </summary>
internal struct RollingExtreme<TSide>(RescanTies ties)
    where TSide : struct, IExtremeSide
{
    /// <summary>Absolute bar index of the extreme (-1 before the first bar).</summary>
    public long Index { get; private set; } = -1;

    public double Value { get; private set; }

    /// <summary>
    /// Advances to bar <paramref name="today"/>; <paramref name="window"/> holds the bars ending at today, oldest
    /// first. Returns the extreme of the window.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(ReadOnlySpan<double> window, long today)
    {
        var trailing = today - window.Length + 1;
        if (Index < trailing)
        {
            var offset = ties == RescanTies.Earliest ? ScanEarliest(window) : ScanLatest(window);
            Index = trailing + offset;
            Value = window[offset];
        }
        else
        {
            // Whether today is a new extreme is unpredictable; select instead of branching (the same result as
            // TA-Lib's "if (x >= highest) take today").
            var x = Vector128.CreateScalarUnsafe(window[^1]);
            var current = Vector128.CreateScalarUnsafe(Value);
            var takes = TSide.BeatsOrTies(x, current);
            var bits = takes.AsInt64().ToScalar();
            Index = (today & bits) | (Index & ~bits);
            Value = Vector128.ConditionalSelect(takes, x, current).ToScalar();
        }

        return Value;
    }

    /// <summary>Advances a streaming state to the newest value of <paramref name="window"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(SlidingWindow window) => Next(window.Values, window.NewestIndex);

    public void Reset()
    {
        Index = -1;
        Value = 0;
    }

    // One loop per tie rule, so neither tests a flag per element. Inlined: a call in the per-bar loop costs AROON
    // about 40% (every register holding a double is spilled around it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanEarliest(ReadOnlySpan<double> window)
    {
        var index = 0;
        var extreme = window[0];
        for (var i = 1; i < window.Length; i++)
        {
            if (TSide.Beats(window[i], extreme))
            {
                index = i;
                extreme = window[i];
            }
        }

        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanLatest(ReadOnlySpan<double> window)
    {
        var index = 0;
        var extreme = window[0];
        for (var i = 1; i < window.Length; i++)
        {
            if (TSide.BeatsOrTies(window[i], extreme))
            {
                index = i;
                extreme = window[i];
            }
        }

        return index;
    }
}

/// <summary>Whole-series rolling extremes, for kernels whose output is the extreme itself.</summary>
internal static class RollingExtreme
{
    /// <summary>output[i] = the extreme of values[i-period+1..i] from i = period-1 on; earlier bars are left untouched.</summary>
    public static void Compute<TSide>(ReadOnlySpan<double> values, int period, RescanTies ties, Span<double> output)
        where TSide : struct, IExtremeSide
    {
        var extreme = new RollingExtreme<TSide>(ties);
        for (var today = period - 1; today < values.Length; today++)
        {
            output[today] = extreme.Next(values.Slice(today - period + 1, period), today);
        }
    }
}
