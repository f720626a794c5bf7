namespace Tradewind.Indicators.Cycle;

/// <summary>
/// Ehlers' Hilbert transformer 0.0962·x + 0.5769·x[2] − 0.5769·x[4] − 0.0962·x[6], scaled by 0.075·period + 0.54.
/// As in TA-Lib, even and odd bars run as two interleaved streams (taps two bars apart), each updated
/// incrementally; the order of operations is TA-Lib's so results match it to the last bit.
/// </summary>
internal struct HilbertFilter
{
    private const double A = 0.0962;
    private const double B = 0.5769;

    private HilbertTaps _evenTaps;
    private HilbertTaps _oddTaps;
    private double _evenPrev;
    private double _oddPrev;
    private double _evenPrevInput;
    private double _oddPrevInput;

    public double Even(double input, int slot, double gain) =>
        Apply(ref _evenTaps[slot], ref _evenPrev, ref _evenPrevInput, input, gain);

    public double Odd(double input, int slot, double gain) =>
        Apply(ref _oddTaps[slot], ref _oddPrev, ref _oddPrevInput, input, gain);

    private static double Apply(ref double tap, ref double prev, ref double prevInput, double input, double gain)
    {
        var scaled = A * input;
        var value = -tap;
        tap = scaled;
        value += scaled;
        value -= prev;
        prev = B * prevInput;
        value += prev;
        prevInput = input;
        return value * gain;
    }
}
