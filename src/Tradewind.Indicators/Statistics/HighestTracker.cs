namespace Tradewind.Indicators.Statistics;

/// <summary>
/// TA-Lib's running highest (ta_MAX.c): rescan the window only when the previous highest has left it, otherwise
/// compare with the newest value. Ties go to the earliest bar on a rescan and to the newest bar otherwise, as in
/// TA-Lib, which is what MAXINDEX reports. Batch kernels and streaming states call the same code.
/// </summary>
internal struct HighestTracker
{
    private int _index;
    private double _value;

    public HighestTracker()
    {
        _index = -1;
    }

    /// <summary>Bar index of the highest value (absolute, like <c>today</c>).</summary>
    public readonly int Index => _index;

    /// <summary>
    /// Advances to bar <paramref name="today"/>; <paramref name="window"/> is the full window ending at today,
    /// oldest first. Returns the highest value in it.
    /// </summary>
    public double Next(ReadOnlySpan<double> window, int today)
    {
        var trailing = today - window.Length + 1;
        if (_index < trailing)
        {
            var index = 0;
            var highest = window[0];
            for (var i = 1; i < window.Length; i++)
            {
                if (window[i] > highest)
                {
                    index = i;
                    highest = window[i];
                }
            }

            _index = trailing + index;
            _value = highest;
        }
        else if (window[^1] >= _value)
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
