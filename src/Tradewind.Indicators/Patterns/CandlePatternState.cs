namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Streaming form of any candlestick pattern: the last <see cref="Capacity"/> candles and the same running totals as
/// <see cref="CandlePatternEngine.Compute{TPattern}"/>, updated in the same order, so every output equals the batch
/// kernel's bit for bit. Each candle is written twice, <see cref="Capacity"/> apart, so the latest candles always
/// sit contiguously before index <c>position + Capacity</c> and the kernel reads them as it reads a whole series.
/// </summary>
internal sealed class CandlePatternState<TPattern> : IIndicatorState
    where TPattern : struct, ICandlePattern
{
    /// <summary>Candles kept; a power of two above every lookback (TA-Lib's defaults need at most 14).</summary>
    private const int Capacity = 32;

    private readonly double _penetration;
    private readonly int _lookback;
    private readonly int _start;
    private readonly double[] _open = new double[2 * Capacity];
    private readonly double[] _high = new double[2 * Capacity];
    private readonly double[] _low = new double[2 * Capacity];
    private readonly double[] _close = new double[2 * Capacity];
    private readonly double[] _totals = new double[CandlePatternEngine.MaxAverages];
    private readonly double[] _thresholds = new double[CandlePatternEngine.MaxAverages];
    private CandlePatternMemory _memory = new();
    private int _position = -1;

    // Bars seen, counted up to the lookback only (past it nothing depends on the count).
    private int _seen;

    public CandlePatternState(double penetration)
    {
        _penetration = penetration;
        _lookback = TPattern.Lookback;
        _start = _lookback - TPattern.Preroll;
        if (_lookback >= Capacity)
        {
            throw new InvalidOperationException($"A candle pattern lookback of {_lookback} exceeds the streaming window of {Capacity} candles.");
        }
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _seen > _lookback;

    public double Update(double open, double high, double low, double close)
    {
        _position = _position + 1 == Capacity ? 0 : _position + 1;
        var current = _position + Capacity;
        _open[_position] = _open[current] = open;
        _high[_position] = _high[current] = high;
        _low[_position] = _low[current] = low;
        _close[_position] = _close[current] = close;
        var candles = new CandleWindow(_open, _high, _low, _close, current);
        var averages = TPattern.Averages;
        var bar = _seen;
        if (_seen <= _lookback)
        {
            _seen++;
        }

        if (bar < _start)
        {
            // Seed each total with the ranges TA-Lib sums before the first bar it evaluates, in the same order.
            for (var a = 0; a < averages.Length; a++)
            {
                var average = averages[a];
                if (bar >= _start - average.Setting.AveragePeriod)
                {
                    _totals[a] += candles.Range(average.Setting.RangeType, average.Back);
                }
            }

            return double.NaN;
        }

        var thresholds = _thresholds.AsSpan(0, averages.Length);
        for (var a = 0; a < averages.Length; a++)
        {
            thresholds[a] = CandlePatternEngine.Threshold(averages[a], _totals[a], candles);
        }

        double signal = TPattern.Recognize(candles, thresholds, _penetration, ref _memory);
        for (var a = 0; a < averages.Length; a++)
        {
            _totals[a] += CandlePatternEngine.Roll(averages[a], candles);
        }

        return bar < _lookback ? double.NaN : signal;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) =>
        outputs[0] = Update(inputs[0], inputs[1], inputs[2], inputs[3]);

    public void Reset()
    {
        _position = -1;
        _seen = 0;
        _memory = new CandlePatternMemory();
        Array.Clear(_open);
        Array.Clear(_high);
        Array.Clear(_low);
        Array.Clear(_close);
        Array.Clear(_totals);
    }
}
