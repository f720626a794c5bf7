namespace Tradewind.Indicators.Cycle;

/// <summary>
/// Ehlers' dominant-cycle phase as TA-Lib computes it for HT_DCPHASE, HT_SINE and HT_TRENDMODE: a one-cycle DFT of the
/// smoothed prices at the dominant period, corrected for the WMA's lag and wrapped into (-45, 315] degrees.
/// </summary>
internal struct DominantCyclePhase
{
    // One full turn (2π) as TA-Lib forms it: 8·atan(1).
    private static readonly double FullTurn = Math.Atan(1.0) * 8.0;

    private CycleWindow _smoothed;
    private int _index;

    /// <summary>The phase in degrees after the last <see cref="Update"/>.</summary>
    public double Phase { get; private set; }

    /// <summary>Adds this bar's smoothed price and recomputes the phase for the given smoothed period.</summary>
    public double Update(double smoothedPrice, double smoothPeriod)
    {
        _smoothed[_index] = smoothedPrice;
        var cycle = (int)(smoothPeriod + 0.5);
        var realPart = 0.0;
        var imagPart = 0.0;
        var idx = _index;
        for (var i = 0; i < cycle; i++)
        {
            var angle = (i * FullTurn) / cycle;
            var value = _smoothed[idx];
            var (sin, cos) = Math.SinCos(angle);
            realPart += sin * value;
            imagPart += cos * value;
            idx = idx == 0 ? CycleWindow.Length - 1 : idx - 1;
        }

        var phase = Phase;
        var magnitude = Math.Abs(imagPart);
        if (magnitude > 0.0)
        {
            phase = Math.Atan(realPart / imagPart) * HilbertTransform.Rad2Deg;
        }
        else if (magnitude <= 0.01)
        {
            if (realPart < 0.0)
            {
                phase -= 90.0;
            }
            else if (realPart > 0.0)
            {
                phase += 90.0;
            }
        }

        phase += 90.0;

        // Compensate for the one-bar lag of the WMA smoother.
        phase += 360.0 / smoothPeriod;
        if (imagPart < 0.0)
        {
            phase += 180.0;
        }

        if (phase > 315.0)
        {
            phase -= 360.0;
        }

        _index = _index == CycleWindow.Length - 1 ? 0 : _index + 1;
        Phase = phase;
        return phase;
    }
}
