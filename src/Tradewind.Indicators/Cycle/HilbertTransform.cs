namespace Tradewind.Indicators.Cycle;

/// <summary>
/// The Hilbert-transform core shared by TA-Lib's HT_* functions and MAMA (John Ehlers, "Rocket Science for
/// Traders"): a 4-bar WMA price smoother, the detrender, the in-phase (I1) and quadrature (Q1) components, the
/// jI/jQ phase advances, and the homodyne discriminator's dominant-cycle period. One bar per <see cref="Step"/>;
/// batch kernels and streaming states both drive it, so their outputs agree bit for bit.
/// </summary>
internal struct HilbertTransform
{
    /// <summary>Bars only smoothed (after the three that seed the WMA) by the 32-bar-lookback functions.</summary>
    public const int ShortWarmUp = 9;

    /// <summary>Bars only smoothed (after the three that seed the WMA) by the 63-bar-lookback functions.</summary>
    public const int LongWarmUp = 34;

    /// <summary>TA-Lib writes this as 180/(4·atan 1) or 45/atan 1; both round to the same double.</summary>
    public static readonly double Rad2Deg = 45.0 / Math.Atan(1.0);

    private readonly int _filterStart;
    private int _bar;

    // 4-bar WMA smoother: running weighted sum, running plain sum, and the three previous prices.
    private double _wmaSum;
    private double _wmaSub;
    private double _wmaTrailing;
    private double _price1;
    private double _price2;
    private double _price3;

    private int _slot;
    private HilbertFilter _detrender;
    private HilbertFilter _q1Filter;
    private HilbertFilter _jIFilter;
    private HilbertFilter _jQFilter;
    private double _i1ForOddPrev2;
    private double _i1ForOddPrev3;
    private double _i1ForEvenPrev2;
    private double _i1ForEvenPrev3;
    private double _prevI2;
    private double _prevQ2;
    private double _re;
    private double _im;

    /// <param name="warmUp"><see cref="ShortWarmUp"/> or <see cref="LongWarmUp"/>, as the TA-Lib function does.</param>
    public HilbertTransform(int warmUp)
    {
        _filterStart = 3 + warmUp;
    }

    /// <summary>The 4-bar WMA of the price on the last bar.</summary>
    public double SmoothedPrice { get; private set; }

    /// <summary>In-phase component I1 (the detrender delayed three bars) on the last bar.</summary>
    public double InPhase { get; private set; }

    /// <summary>Quadrature component Q1 on the last bar.</summary>
    public double Quadrature { get; private set; }

    /// <summary>Dominant-cycle period, clamped to 6..50 and smoothed 0.2/0.8.</summary>
    public double Period { get; private set; }

    /// <summary>The period smoothed again 0.33/0.67: TA-Lib's HT_DCPERIOD output.</summary>
    public double SmoothPeriod { get; private set; }

    /// <summary>Consumes one price; true once the Hilbert filters ran on this bar (the smoother alone before).</summary>
    public bool Step(double price)
    {
        var bar = _bar++;
        if (bar < 3)
        {
            // Seed the WMA with weights 1, 2, 3.
            _wmaSub += price;
            _wmaSum += price * (bar + 1);
            Shift(price);
            return false;
        }

        _wmaSub += price;
        _wmaSub -= _wmaTrailing;
        _wmaSum += price * 4.0;
        _wmaTrailing = _price3;
        var smoothed = _wmaSum * 0.1;
        _wmaSum -= _wmaSub;
        Shift(price);
        SmoothedPrice = smoothed;
        if (bar < _filterStart)
        {
            return false;
        }

        var gain = (0.075 * Period) + 0.54;
        double q2;
        double i2;
        if ((bar & 1) == 0)
        {
            var detrender = _detrender.Even(smoothed, _slot, gain);
            var q1 = _q1Filter.Even(detrender, _slot, gain);
            var i1 = _i1ForEvenPrev3;
            var jI = _jIFilter.Even(i1, _slot, gain);
            var jQ = _jQFilter.Even(q1, _slot, gain);
            if (++_slot == 3)
            {
                _slot = 0;
            }

            q2 = (0.2 * (q1 + jI)) + (0.8 * _prevQ2);
            i2 = (0.2 * (i1 - jQ)) + (0.8 * _prevI2);
            _i1ForOddPrev3 = _i1ForOddPrev2;
            _i1ForOddPrev2 = detrender;
            InPhase = i1;
            Quadrature = q1;
        }
        else
        {
            var detrender = _detrender.Odd(smoothed, _slot, gain);
            var q1 = _q1Filter.Odd(detrender, _slot, gain);
            var i1 = _i1ForOddPrev3;
            var jI = _jIFilter.Odd(i1, _slot, gain);
            var jQ = _jQFilter.Odd(q1, _slot, gain);
            q2 = (0.2 * (q1 + jI)) + (0.8 * _prevQ2);
            i2 = (0.2 * (i1 - jQ)) + (0.8 * _prevI2);
            _i1ForEvenPrev3 = _i1ForEvenPrev2;
            _i1ForEvenPrev2 = detrender;
            InPhase = i1;
            Quadrature = q1;
        }

        // Homodyne discriminator: the phase change per bar between this and the previous bar gives the period.
        _re = (0.2 * ((i2 * _prevI2) + (q2 * _prevQ2))) + (0.8 * _re);
        _im = (0.2 * ((i2 * _prevQ2) - (q2 * _prevI2))) + (0.8 * _im);
        _prevQ2 = q2;
        _prevI2 = i2;
        var previous = Period;
        var period = previous;
        if (_im != 0.0 && _re != 0.0)
        {
            period = 360.0 / (Math.Atan(_im / _re) * Rad2Deg);
        }

        var limit = 1.5 * previous;
        if (period > limit)
        {
            period = limit;
        }

        limit = 0.67 * previous;
        if (period < limit)
        {
            period = limit;
        }

        if (period < 6)
        {
            period = 6;
        }
        else if (period > 50)
        {
            period = 50;
        }

        Period = (0.2 * period) + (0.8 * previous);
        SmoothPeriod = (0.33 * Period) + (0.67 * SmoothPeriod);
        return true;
    }

    private void Shift(double price)
    {
        _price3 = _price2;
        _price2 = _price1;
        _price1 = price;
    }
}
