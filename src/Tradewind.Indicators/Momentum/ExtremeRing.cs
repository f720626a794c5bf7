namespace Tradewind.Indicators.Momentum;

/// <summary>
/// <see cref="ExtremeWindow"/> for streaming: the last <c>capacity</c> highs and lows in a ring, addressed by absolute
/// bar index, walked with the same comparisons so a state's extremes equal its batch kernel's.
/// </summary>
internal struct ExtremeRing
{
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly bool _rescanKeepsEarliest;

    public ExtremeRing(int capacity, bool rescanKeepsEarliest = false)
    {
        _high = new double[capacity];
        _low = new double[capacity];
        _rescanKeepsEarliest = rescanKeepsEarliest;
        Reset();
    }

    /// <summary>Absolute index of the latest bar (-1 before the first).</summary>
    public long Today { get; private set; }

    public long HighestIndex { get; private set; }

    public long LowestIndex { get; private set; }

    public double Highest { get; private set; }

    public double Lowest { get; private set; }

    /// <summary>Stores a bar; true once the ring is full and the extremes cover it.</summary>
    public bool Advance(double high, double low)
    {
        var capacity = _high.Length;
        var today = ++Today;
        var slot = (int)(today % capacity);
        _high[slot] = high;
        _low[slot] = low;
        if (today < capacity - 1)
        {
            return false;
        }

        var trailing = today - (capacity - 1);
        if (LowestIndex < trailing)
        {
            var index = trailing;
            var lowest = _low[(int)(index % capacity)];
            for (var i = trailing + 1; i <= today; i++)
            {
                var x = _low[(int)(i % capacity)];
                if (x < lowest || (!_rescanKeepsEarliest && x == lowest))
                {
                    index = i;
                    lowest = x;
                }
            }

            LowestIndex = index;
            Lowest = lowest;
        }
        else if (low <= Lowest)
        {
            LowestIndex = today;
            Lowest = low;
        }

        if (HighestIndex < trailing)
        {
            var index = trailing;
            var highest = _high[(int)(index % capacity)];
            for (var i = trailing + 1; i <= today; i++)
            {
                var x = _high[(int)(i % capacity)];
                if (x > highest || (!_rescanKeepsEarliest && x == highest))
                {
                    index = i;
                    highest = x;
                }
            }

            HighestIndex = index;
            Highest = highest;
        }
        else if (high >= Highest)
        {
            HighestIndex = today;
            Highest = high;
        }

        return true;
    }

    public void Reset()
    {
        Today = -1;
        HighestIndex = -1;
        LowestIndex = -1;
        Highest = 0;
        Lowest = 0;
        Array.Clear(_high);
        Array.Clear(_low);
    }
}
