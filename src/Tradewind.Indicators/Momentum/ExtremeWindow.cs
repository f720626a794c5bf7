using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// The highest high and lowest low of a sliding window, tracked as TA-Lib's AROON, AROONOSC and WILLR track them:
/// keep the extreme while it is inside the window, take a new bar that equals or beats it, and rescan the window
/// only when the extreme falls out. On a rescan AROON takes the latest of equal extremes and WILLR the earliest.
/// The batch form reads the input spans; <see cref="ExtremeRing"/> is the same walk over a ring buffer.
/// </summary>
internal struct ExtremeWindow(bool rescanKeepsEarliest)
{
    public int HighestIndex { get; private set; } = -1;

    public int LowestIndex { get; private set; } = -1;

    public double Highest { get; private set; }

    public double Lowest { get; private set; }

    /// <summary>Moves the window to [<paramref name="trailing"/>, <paramref name="today"/>].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int trailing, int today)
    {
        if (LowestIndex < trailing)
        {
            LowestIndex = rescanKeepsEarliest ? FirstLowest(low, trailing, today) : LastLowest(low, trailing, today);
            Lowest = low[LowestIndex];
        }
        else
        {
            // Whether today is a new low is unpredictable; select instead of branching (same result as
            // TA-Lib's "if (x <= lowest) take today").
            var x = Vector128.CreateScalarUnsafe(low[today]);
            var takes = Vector128.LessThanOrEqual(x, Vector128.CreateScalarUnsafe(Lowest));
            LowestIndex = Select(takes, today, LowestIndex);
            Lowest = Vector128.ConditionalSelect(takes, x, Vector128.CreateScalarUnsafe(Lowest)).ToScalar();
        }

        if (HighestIndex < trailing)
        {
            HighestIndex = rescanKeepsEarliest ? FirstHighest(high, trailing, today) : LastHighest(high, trailing, today);
            Highest = high[HighestIndex];
        }
        else
        {
            var x = Vector128.CreateScalarUnsafe(high[today]);
            var takes = Vector128.GreaterThanOrEqual(x, Vector128.CreateScalarUnsafe(Highest));
            HighestIndex = Select(takes, today, HighestIndex);
            Highest = Vector128.ConditionalSelect(takes, x, Vector128.CreateScalarUnsafe(Highest)).ToScalar();
        }
    }

    /// <summary><paramref name="ifSet"/> where the compare mask is all ones, else <paramref name="otherwise"/>, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Select(Vector128<double> mask, int ifSet, int otherwise)
    {
        var bits = (int)mask.AsInt64().ToScalar();
        return (ifSet & bits) | (otherwise & ~bits);
    }

    // The four scans differ only in the comparison; each is a tight loop with no per-element flag test.
    private static int LastLowest(ReadOnlySpan<double> values, int from, int to)
    {
        var index = from;
        var extreme = values[from];
        for (var i = from + 1; i <= to; i++)
        {
            if (values[i] <= extreme)
            {
                index = i;
                extreme = values[i];
            }
        }

        return index;
    }

    private static int FirstLowest(ReadOnlySpan<double> values, int from, int to)
    {
        var index = from;
        var extreme = values[from];
        for (var i = from + 1; i <= to; i++)
        {
            if (values[i] < extreme)
            {
                index = i;
                extreme = values[i];
            }
        }

        return index;
    }

    private static int LastHighest(ReadOnlySpan<double> values, int from, int to)
    {
        var index = from;
        var extreme = values[from];
        for (var i = from + 1; i <= to; i++)
        {
            if (values[i] >= extreme)
            {
                index = i;
                extreme = values[i];
            }
        }

        return index;
    }

    private static int FirstHighest(ReadOnlySpan<double> values, int from, int to)
    {
        var index = from;
        var extreme = values[from];
        for (var i = from + 1; i <= to; i++)
        {
            if (values[i] > extreme)
            {
                index = i;
                extreme = values[i];
            }
        }

        return index;
    }
}
