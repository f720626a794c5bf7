namespace Tradewind.Indicators.Crypto;

/// <summary>
/// TA-Lib's ATR as a running accumulator, shared by the batch kernels and the streaming states of the ATR-based
/// indicators here (SUPERTREND, KELTNER, CHANDELIER) so both forms do the same arithmetic in the same order.
/// True range needs the previous close, so bar 0 yields none; the first ATR is the plain average of the true ranges
/// of bars 1..period (at bar `period`), then Wilder smoothing: atr = (atr x (period-1) + tr) / period.
/// </summary>
internal struct AverageTrueRange
{
    private readonly int _period;
    private int _seen;
    private double _sum;
    private double _atr;
    private double _previousClose;

    public AverageTrueRange(int period)
    {
        _period = period;
        _atr = double.NaN;
    }

    /// <summary>TA-Lib's ATR lookback: the first value is at bar <paramref name="period"/>.</summary>
    public static int Lookback(int period) => period;

    /// <summary>The largest of high-low, |previous close - high| and |previous close - low| (TA-Lib TRANGE).</summary>
    public static double TrueRange(double high, double low, double previousClose)
    {
        var greatest = high - low;
        var toHigh = Math.Abs(previousClose - high);
        if (toHigh > greatest)
        {
            greatest = toHigh;
        }

        var toLow = Math.Abs(previousClose - low);
        if (toLow > greatest)
        {
            greatest = toLow;
        }

        return greatest;
    }

    /// <summary>Consumes one bar; NaN until bar <c>period</c>.</summary>
    public double Update(double high, double low, double close)
    {
        if (_seen == 0)
        {
            _previousClose = close;
            _seen = 1;
            return double.NaN;
        }

        var tr = TrueRange(high, low, _previousClose);
        _previousClose = close;
        if (_seen < _period)
        {
            _sum += tr;
            _seen++;
            return double.NaN;
        }

        if (_seen == _period)
        {
            _sum += tr;
            _seen++;
            _atr = _sum / _period;
            return _atr;
        }

        _atr = ((_atr * (_period - 1)) + tr) / _period;
        return _atr;
    }

    public void Reset()
    {
        _seen = 0;
        _sum = 0;
        _atr = double.NaN;
        _previousClose = 0;
    }
}
