namespace Tradewind.Indicators.Statistics;

/// <summary>
/// TA-Lib's running lowest (ta_MIN.c): rescan the window only when the previous lowest has left it, otherwise
/// compare with the newest value. Ties go to the earliest bar on a rescan and to the newest bar otherwise, as in
/// TA-Lib, which is what MININDEX reports. Batch kernels and streaming states call the same code.
/// </summary>
internal struct LowestTracker
{
    private int _index;
    private double _value;

    public LowestTracker()
    {
        _index = -1;
    }

    /// <summary>Bar index of the lowest value (absolute, like <c>today</c>).</summary>
    public readonly int Index => _index;

    /// <summary>
    /// Advances to bar <paramref name="today"/>; <paramref name="window"/> is the full window ending at today,
    /// oldest first. Returns the lowest value in it.
    /// </summary>
    public double Next(ReadOnlySpan<double> window, int today)
    {
        var trailing = today - window.Length + 1;
        if (_index < trailing)
        {
            var index = 0;
            var lowest = window[0];
            for (var i = 1; i < window.Length; i++)
            {
                if (window[i] < lowest)
                {
                    index = i;
                    lowest = window[i];
                }
            }

            _index = trailing + index;
            _value = lowest;
        }
        else if (window[^1] <= _value)
        {
            _index = today;
            _value = window[^1];
        }

        return _value;
    }

    public void Reset()
    {
        _index = -1;
        _value = 0;
    }
}
