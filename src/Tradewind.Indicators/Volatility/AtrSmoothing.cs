using System.Runtime.CompilerServices;
using Tradewind.Indicators.Momentum;

namespace Tradewind.Indicators.Volatility;

/// <summary>
/// TA-Lib's ATR recursion: true ranges from bar 1, the first ATR (bar `period`) is their simple mean, then
/// ATR = (ATR x (period - 1) + TR) / period. Period 1 is the plain true range, as TA-Lib delegates it to TRANGE.
/// Shared by ATR and NATR and by the ATR-based bands (SUPERTREND, KELTNER, CHANDELIER), batch and streaming, so
/// every form does the same arithmetic in the same order.
/// </summary>
internal struct AtrSmoothing(int period)
{
    private double _previousClose;

    /// <summary>Bars consumed so far.</summary>
    public long Bars { get; private set; }

    /// <summary>The latest ATR; meaningful once <see cref="Update"/> has returned true.</summary>
    public double Value { get; private set; }

    /// <summary>Consumes a bar; true when <see cref="Value"/> holds an ATR for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double high, double low, double close)
    {
        var bar = Bars++;
        if (bar == 0)
        {
            _previousClose = close;
            return false;
        }

        var range = TrueRange.Of(high, low, _previousClose);
        _previousClose = close;
        if (period == 1)
        {
            Value = range;
            return true;
        }

        if (bar < period)
        {
            Value += range;
            return false;
        }

        Value = bar == period ? (Value + range) / period : ((Value * (period - 1)) + range) / period;
        return true;
    }

    /// <summary>Consumes a bar; its ATR, or NaN before bar `period`.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(double high, double low, double close) => Update(high, low, close) ? Value : double.NaN;
}
