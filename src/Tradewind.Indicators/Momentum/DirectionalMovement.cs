using System.Runtime.CompilerServices;
using Tradewind.Indicators.Volatility;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Wilder's running +DM, -DM and true range, kept exactly as TA-Lib's PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX and ADX
/// keep them: bar 0 only sets the previous high/low/close; bars 1..period-1 are summed; from bar `period` on each
/// value is smoothed as s = s - s/period + x. Every batch kernel and streaming state of that family steps this one
/// struct, so their arithmetic (and so their bits) cannot drift apart.
/// </summary>
internal struct DirectionalMovement
{
    private readonly double _period;
    private readonly int _seedBars;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;

    public DirectionalMovement(int period)
    {
        _period = period;
        _seedBars = period;
    }

    /// <summary>Bars consumed so far.</summary>
    public long Bars { get; private set; }

    /// <summary>+DM: the sum of one-bar +DM while seeding, Wilder-smoothed after.</summary>
    public double Plus { get; private set; }

    /// <summary>-DM: the sum of one-bar -DM while seeding, Wilder-smoothed after.</summary>
    public double Minus { get; private set; }

    /// <summary>True range, summed then smoothed like the DMs (only maintained by <see cref="Update"/>).</summary>
    public double Range { get; private set; }

    /// <summary>Consumes a bar, maintaining +DM, -DM and the true range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double high, double low, double close)
    {
        if (Bars == 0)
        {
            Start(high, low, close);
            return;
        }

        var range = TrueRange.Of(high, low, _previousClose);
        _previousClose = close;
        Range = Bars < _seedBars ? Range + range : Range - (Range / _period) + range;
        Step(high, low);
    }

    /// <summary>Consumes a bar for +DM and -DM only (PLUS_DM and MINUS_DM read no close).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void UpdateMovement(double high, double low)
    {
        if (Bars == 0)
        {
            Start(high, low, 0);
            return;
        }

        Step(high, low);
    }

    /// <summary>
    /// DX = 100 |+DI - -DI| / (+DI + -DI) with DI = 100 DM / TR, in TA-Lib's operation order. False where TA-Lib
    /// leaves it undefined (true range or the DI sum within 1e-14 of zero); each caller handles that its own way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool TryDirectionalIndex(out double dx)
    {
        if (!TaLibEpsilon.IsZero(Range))
        {
            var minusDi = 100.0 * (Minus / Range);
            var plusDi = 100.0 * (Plus / Range);
            var sum = minusDi + plusDi;
            if (!TaLibEpsilon.IsZero(sum))
            {
                dx = 100.0 * (Math.Abs(minusDi - plusDi) / sum);
                return true;
            }
        }

        dx = 0;
        return false;
    }

    private void Start(double high, double low, double close)
    {
        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;
        Bars = 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step(double high, double low)
    {
        var up = high - _previousHigh;
        var down = _previousLow - low;
        _previousHigh = high;
        _previousLow = low;

        // Wilder's one-bar DM: only the larger excursion outside the previous bar counts; equal excursions count
        // for neither side. Adding 0.0 leaves a non-negative sum unchanged, so no branch is needed below.
        var plus = up > 0 && up > down ? up : 0.0;
        var minus = down > 0 && up < down ? down : 0.0;
        if (Bars < _seedBars)
        {
            Plus += plus;
            Minus += minus;
        }
        else
        {
            Plus = Plus - (Plus / _period) + plus;
            Minus = Minus - (Minus / _period) + minus;
        }

        Bars++;
    }
}
