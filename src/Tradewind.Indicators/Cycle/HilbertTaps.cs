using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Cycle;

/// <summary>Three delayed taps of one parity of a <see cref="HilbertFilter"/> (TA-Lib's 3-slot odd/even buffers).</summary>
[InlineArray(3)]
internal struct HilbertTaps
{
    private double _element0;
}
