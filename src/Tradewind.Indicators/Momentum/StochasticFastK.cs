namespace Tradewind.Indicators.Momentum;

/// <summary>
/// George Lane's raw %K as TA-Lib computes it: (close - lowest low) / ((highest high - lowest low) / 100) over
/// `period` bars, 0 when the range is 0. First value at index period - 1.
/// </summary>
internal static class StochasticFastK
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        var n = close.Length;
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);

        // Track each extreme and where it was; rescan the window only when it falls out (TA-Lib's approach).
        var lowestIdx = -1;
        var highestIdx = -1;
        var lowest = 0.0;
        var highest = 0.0;
        for (int today = lookback, trailing = 0; today < n; today++, trailing++)
        {
            if (lowestIdx < trailing)
            {
                lowestIdx = trailing;
                lowest = low[trailing];
                for (var i = trailing + 1; i <= today; i++)
                {
                    if (low[i] < lowest)
                    {
                        lowestIdx = i;
                        lowest = low[i];
                    }
                }
            }
            else if (low[today] <= lowest)
            {
                lowestIdx = today;
                lowest = low[today];
            }

            if (highestIdx < trailing)
            {
                highestIdx = trailing;
                highest = high[trailing];
                for (var i = trailing + 1; i <= today; i++)
                {
                    if (high[i] > highest)
                    {
                        highestIdx = i;
                        highest = high[i];
                    }
                }
            }
            else if (high[today] >= highest)
            {
                highestIdx = today;
                highest = high[today];
            }

            output[today] = Value(close[today], lowest, highest);
        }
    }

    // TA-Lib divides by (range / 100) rather than multiplying by 100 afterwards; the order changes the last bits.
    public static double Value(double close, double lowest, double highest)
    {
        var diff = (highest - lowest) / 100.0;
        return diff != 0.0 ? (close - lowest) / diff : 0.0;
    }
}

/// <summary>
/// Streaming <see cref="StochasticFastK"/>: ring buffers of the last `period` highs and lows, with the same
/// extreme-tracking and rescan decisions as the batch kernel.
/// </summary>
internal sealed class StochasticFastKState
{
    private readonly double[] _highs;
    private readonly double[] _lows;
    private readonly int _period;
    private int _newest = -1;
    private int _count;
    private double _highest;
    private double _lowest;

    // Bars since the extreme was seen: 0 = the newest bar; >= period means it has left the window.
    private int _highestAge;
    private int _lowestAge;

    public StochasticFastKState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _highs = new double[period];
        _lows = new double[period];
    }

    public int Lookback => _period - 1;

    public bool IsReady => _count >= _period;

    public double Update(double high, double low, double close)
    {
        _newest = _newest + 1 == _period ? 0 : _newest + 1;
        _highs[_newest] = high;
        _lows[_newest] = low;
        if (_count < _period)
        {
            _count++;
            if (_count < _period)
            {
                return double.NaN;
            }

            RescanLow();
            RescanHigh();
            return StochasticFastK.Value(close, _lowest, _highest);
        }

        _lowestAge++;
        if (_lowestAge >= _period)
        {
            RescanLow();
        }
        else if (low <= _lowest)
        {
            _lowest = low;
            _lowestAge = 0;
        }

        _highestAge++;
        if (_highestAge >= _period)
        {
            RescanHigh();
        }
        else if (high >= _highest)
        {
            _highest = high;
            _highestAge = 0;
        }

        return StochasticFastK.Value(close, _lowest, _highest);
    }

    public void Reset()
    {
        Array.Clear(_highs);
        Array.Clear(_lows);
        _newest = -1;
        _count = 0;
        _highest = 0;
        _lowest = 0;
        _highestAge = 0;
        _lowestAge = 0;
    }

    // Oldest to newest, strict comparison: the earliest extreme wins, as in the batch kernel.
    private void RescanLow()
    {
        var slot = Slot(_period - 1);
        _lowest = _lows[slot];
        _lowestAge = _period - 1;
        for (var age = _period - 2; age >= 0; age--)
        {
            slot = slot + 1 == _period ? 0 : slot + 1;
            if (_lows[slot] < _lowest)
            {
                _lowest = _lows[slot];
                _lowestAge = age;
            }
        }
    }

    private void RescanHigh()
    {
        var slot = Slot(_period - 1);
        _highest = _highs[slot];
        _highestAge = _period - 1;
        for (var age = _period - 2; age >= 0; age--)
        {
            slot = slot + 1 == _period ? 0 : slot + 1;
            if (_highs[slot] > _highest)
            {
                _highest = _highs[slot];
                _highestAge = age;
            }
        }
    }

    private int Slot(int age)
    {
        var slot = _newest - age;
        return slot < 0 ? slot + _period : slot;
    }
}
