using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Cycle;

/// <summary>
/// The last <see cref="Length"/> values of a series, newest at a moving index: the longest cycle the Hilbert
/// functions measure is 50 bars, so 50 values always cover it.
/// </summary>
[InlineArray(Length)]
internal struct CycleWindow
{
    public const int Length = 50;

    private double _element0;
}
