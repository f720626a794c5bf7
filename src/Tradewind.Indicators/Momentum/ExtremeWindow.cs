using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// The highest high and lowest low of a sliding window, tracked as TA-Lib's AROON, AROONOSC and WILLR track them:
/// keep the extreme while it is inside the window, take a new bar that equals or beats it, and rescan the window
/// only when the extreme falls out. The batch form reads the input spans; <see cref="ExtremeRing"/> is the same
/// walk over a ring buffer for streaming states.
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
        var value = low[today];
        if (LowestIndex < trailing)
        {
            var index = trailing;
            var lowest = low[index];
            for (var i = trailing + 1; i <= today; i++)
            {
                var x = low[i];
                if (x < lowest || (!rescanKeepsEarliest && x == lowest))
                {
                    index = i;
                    lowest = x;
                }
            }

            LowestIndex = index;
            Lowest = lowest;
        }
        else if (value <= Lowest)
        {
            LowestIndex = today;
            Lowest = value;
        }

        value = high[today];
        if (HighestIndex < trailing)
        {
            var index = trailing;
            var highest = high[index];
            for (var i = trailing + 1; i <= today; i++)
            {
                var x = high[i];
                if (x > highest || (!rescanKeepsEarliest && x == highest))
                {
                    index = i;
                    highest = x;
                }
            }

            HighestIndex = index;
            Highest = highest;
        }
        else if (value >= Highest)
        {
            HighestIndex = today;
            Highest = value;
        }
    }
}
