namespace Tradewind.Indicators.Statistics;

/// <summary>
/// The last <c>capacity</c> highs and lows of a stream with their <see cref="RollingExtreme{TSide}"/>s: the
/// streaming side of the indicators that read a high-low range (AROON, WILLR, STOCH, MIDPRICE, DONCHIAN ...).
/// </summary>
internal sealed class HighLowWindow(int capacity, RescanTies ties)
{
    private readonly SlidingWindow _highs = new(capacity);
    private readonly SlidingWindow _lows = new(capacity);
    private RollingExtreme<HighestSide> _highest = new(ties);
    private RollingExtreme<LowestSide> _lowest = new(ties);

    /// <summary>Absolute index of the newest bar (-1 before the first).</summary>
    public long Today => _highs.NewestIndex;

    public bool IsFull => _highs.IsFull;

    public double Highest => _highest.Value;

    public double Lowest => _lowest.Value;

    public long HighestIndex => _highest.Index;

    public long LowestIndex => _lowest.Index;

    /// <summary>Stores a bar; true once the window is full and the extremes cover it.</summary>
    public bool Add(double high, double low)
    {
        _highs.Add(high);
        _lows.Add(low);
        if (!_highs.IsFull)
        {
            return false;
        }

        _highest.Next(_highs);
        _lowest.Next(_lows);
        return true;
    }

    public void Reset()
    {
        _highs.Clear();
        _lows.Clear();
        _highest.Reset();
        _lowest.Reset();
    }
}
