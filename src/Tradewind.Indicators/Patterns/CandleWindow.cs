namespace Tradewind.Indicators.Patterns;

/// <summary>
/// The current candle and those before it, read by how many bars back they are: over whole series in batch, over a
/// streaming state's doubled ring buffer (where the last candles are always contiguous) when streaming.
/// </summary>
internal readonly ref struct CandleWindow
{
    private readonly ReadOnlySpan<double> _open;
    private readonly ReadOnlySpan<double> _high;
    private readonly ReadOnlySpan<double> _low;
    private readonly ReadOnlySpan<double> _close;
    private readonly int _current;

    public CandleWindow(
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int current)
    {
        _open = open;
        _high = high;
        _low = low;
        _close = close;
        _current = current;
    }

    public double Open(int back) => _open[_current - back];

    public double High(int back) => _high[_current - back];

    public double Low(int back) => _low[_current - back];

    public double Close(int back) => _close[_current - back];

    /// <summary>1 for a white (close &gt;= open) candle, -1 for a black one.</summary>
    public int Color(int back) => Close(back) >= Open(back) ? 1 : -1;

    public double RealBody(int back) => Math.Abs(Close(back) - Open(back));

    /// <summary>The higher of open and close.</summary>
    public double BodyTop(int back)
    {
        var open = Open(back);
        var close = Close(back);
        return close >= open ? close : open;
    }

    /// <summary>The lower of open and close.</summary>
    public double BodyBottom(int back)
    {
        var open = Open(back);
        var close = Close(back);
        return close >= open ? open : close;
    }

    public double UpperShadow(int back) => High(back) - BodyTop(back);

    public double LowerShadow(int back) => BodyBottom(back) - Low(back);

    public double HighLowRange(int back) => High(back) - Low(back);

    public double Range(CandleRangeType type, int back) => type switch
    {
        CandleRangeType.RealBody => RealBody(back),
        CandleRangeType.HighLow => HighLowRange(back),
        _ => UpperShadow(back) + LowerShadow(back),
    };

    /// <summary>The real body of candle <paramref name="later"/> lies wholly above that of <paramref name="earlier"/>.</summary>
    public bool RealBodyGapUp(int later, int earlier) => BodyBottom(later) > BodyTop(earlier);

    /// <summary>The real body of candle <paramref name="later"/> lies wholly below that of <paramref name="earlier"/>.</summary>
    public bool RealBodyGapDown(int later, int earlier) => BodyTop(later) < BodyBottom(earlier);

    /// <summary>Candle <paramref name="later"/>'s low is above candle <paramref name="earlier"/>'s high.</summary>
    public bool GapUp(int later, int earlier) => Low(later) > High(earlier);

    /// <summary>Candle <paramref name="later"/>'s high is below candle <paramref name="earlier"/>'s low.</summary>
    public bool GapDown(int later, int earlier) => High(later) < Low(earlier);
}
