using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// TA-Lib's ADX recursion on top of <see cref="DirectionalMovement"/>: the first ADX (bar 2 x period - 1) is the mean
/// of the DX values of bars period..2 x period - 1, then ADX = (ADX x (period - 1) + DX) / period. Bars where DX is
/// undefined add nothing to the first mean and leave ADX unchanged, as in ta_ADX.c. Shared by ADX and ADXR.
/// </summary>
internal struct AdxSmoothing
{
    private readonly int _period;
    private readonly long _firstBars;
    private DirectionalMovement _dm;
    private double _sumDx;

    public AdxSmoothing(int period)
    {
        _period = period;
        _firstBars = 2L * period;
        _dm = new DirectionalMovement(period);
    }

    public static int Lookback(int period) => (2 * period) - 1;

    /// <summary>The latest ADX; meaningful once <see cref="Update"/> has returned true.</summary>
    public double Value { get; private set; }

    /// <summary>Consumes a bar; true when <see cref="Value"/> holds an ADX for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double high, double low, double close)
    {
        _dm.Update(high, low, close);
        var bars = _dm.Bars;
        if (bars <= _period)
        {
            return false;
        }

        var defined = _dm.TryDirectionalIndex(out var dx);
        if (bars <= _firstBars)
        {
            if (defined)
            {
                _sumDx += dx;
            }

            if (bars < _firstBars)
            {
                return false;
            }

            Value = _sumDx / _period;
            return true;
        }

        if (defined)
        {
            Value = ((Value * (_period - 1)) + dx) / _period;
        }

        return true;
    }
}
