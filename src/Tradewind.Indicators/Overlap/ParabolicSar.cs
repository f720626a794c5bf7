namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Wilder's parabolic stop-and-reverse as TA-Lib runs it (ta_SAR.c, ta_SAREXT.c), one bar at a time. The first bar
/// only supplies the initial extreme; the direction on the second bar comes from the directional movement between
/// the two (long on a tie) unless a start value fixes it. SAR is this with the same factors both ways.
/// </summary>
internal struct ParabolicSar
{
    private readonly double _startValue;
    private readonly double _offsetOnReverse;
    private readonly double _initLong;
    private readonly double _stepLong;
    private readonly double _maxLong;
    private readonly double _initShort;
    private readonly double _stepShort;
    private readonly double _maxShort;
    private readonly bool _signed;
    private double _afLong;
    private double _afShort;
    private double _sar;
    private double _ep;
    private double _lastHigh;
    private double _lastLow;
    private int _bars;
    private bool _isLong;

    // signed: SAREXT reports the SAR negated while short; SAR does not.
    public ParabolicSar(
        double startValue,
        double offsetOnReverse,
        double initLong,
        double stepLong,
        double maxLong,
        double initShort,
        double stepShort,
        double maxShort,
        bool signed)
    {
        // TA-Lib caps the factors at their maximum before starting.
        _startValue = startValue;
        _offsetOnReverse = offsetOnReverse;
        _initLong = Capped(initLong, maxLong);
        _stepLong = Capped(stepLong, maxLong);
        _maxLong = maxLong;
        _initShort = Capped(initShort, maxShort);
        _stepShort = Capped(stepShort, maxShort);
        _maxShort = maxShort;
        _signed = signed;
        _afLong = _initLong;
        _afShort = _initShort;
    }

    public readonly bool IsReady => _bars >= 2;

    /// <summary>Consumes one bar; NaN on the first.</summary>
    public double Next(double high, double low)
    {
        double prevHigh, prevLow;
        if (_bars >= 1)
        {
            if (_bars == 1)
            {
                Start(high, low);

                // TA-Lib compares the second bar with itself on its first step.
                prevHigh = high;
                prevLow = low;
            }
            else
            {
                prevHigh = _lastHigh;
                prevLow = _lastLow;
            }

            _bars = 2;
            _lastHigh = high;
            _lastLow = low;
            return _isLong ? StepLong(prevHigh, prevLow, high, low) : StepShort(prevHigh, prevLow, high, low);
        }

        _bars = 1;
        _lastHigh = high;
        _lastLow = low;
        return double.NaN;
    }

    public void Reset()
    {
        _afLong = _initLong;
        _afShort = _initShort;
        _sar = 0;
        _ep = 0;
        _lastHigh = 0;
        _lastLow = 0;
        _bars = 0;
        _isLong = false;
    }

    private void Start(double high, double low)
    {
        if (_startValue == 0)
        {
            // TA-Lib's MINUS_DM over one bar: short only when the low fell further than the high rose.
            var up = high - _lastHigh;
            var down = _lastLow - low;
            _isLong = !(down > 0 && up < down);
            _ep = _isLong ? high : low;
            _sar = _isLong ? _lastLow : _lastHigh;
        }
        else
        {
            _isLong = _startValue > 0;
            _ep = _isLong ? high : low;
            _sar = Math.Abs(_startValue);
        }
    }

    private double StepLong(double prevHigh, double prevLow, double high, double low)
    {
        double output;
        if (low <= _sar)
        {
            // Reverse to short: the SAR jumps to the extreme of the long run, kept above both bars' highs.
            _isLong = false;
            var sar = AtLeast(_ep, prevHigh, high);
            if (_offsetOnReverse != 0.0)
            {
                sar += sar * _offsetOnReverse;
            }

            output = _signed ? -sar : sar;
            _afShort = _initShort;
            _ep = low;
            sar += _afShort * (_ep - sar);
            _sar = AtLeast(sar, prevHigh, high);
            return output;
        }

        output = _sar;
        if (high > _ep)
        {
            _ep = high;
            _afLong = Capped(_afLong + _stepLong, _maxLong);
        }

        _sar = AtMost(_sar + (_afLong * (_ep - _sar)), prevLow, low);
        return output;
    }

    private double StepShort(double prevHigh, double prevLow, double high, double low)
    {
        double output;
        if (high >= _sar)
        {
            // Reverse to long: the SAR jumps to the extreme of the short run, kept below both bars' lows.
            _isLong = true;
            var sar = AtMost(_ep, prevLow, low);
            if (_offsetOnReverse != 0.0)
            {
                sar -= sar * _offsetOnReverse;
            }

            output = sar;
            _afLong = _initLong;
            _ep = high;
            sar += _afLong * (_ep - sar);
            _sar = AtMost(sar, prevLow, low);
            return output;
        }

        output = _signed ? -_sar : _sar;
        if (low < _ep)
        {
            _ep = low;
            _afShort = Capped(_afShort + _stepShort, _maxShort);
        }

        _sar = AtLeast(_sar + (_afShort * (_ep - _sar)), prevHigh, high);
        return output;
    }

    private static double Capped(double value, double max) => value > max ? max : value;

    // TA-Lib's "if (sar < x) sar = x" pairs; written as comparisons, not Math.Max, so NaN behaves as in C.
    private static double AtLeast(double sar, double a, double b)
    {
        if (sar < a)
        {
            sar = a;
        }

        if (sar < b)
        {
            sar = b;
        }

        return sar;
    }

    private static double AtMost(double sar, double a, double b)
    {
        if (sar > a)
        {
            sar = a;
        }

        if (sar > b)
        {
            sar = b;
        }

        return sar;
    }
}
