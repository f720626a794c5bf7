using Tradewind.Core;

namespace Tradewind.Research;

/// <summary>
/// One ticker of a scan or rank: the expression's outputs at the latest bar, that bar's close and open time, or the
/// typed error that kept this ticker from having a value (unknown symbol, too little history), so one bad ticker does
/// not fail the screen.
/// </summary>
public sealed record ScreenRow(Ticker Ticker, IReadOnlyList<double> Values, double LastClose, long? LastBarTime, TradewindException? Error)
{
    /// <summary>The first output; NaN when na or on error.</summary>
    public double Value => Values.Count == 0 ? double.NaN : Values[0];

    /// <summary>For a condition: true when the latest value is true.</summary>
    public bool Matched => Error is null && Value is not 0 && !double.IsNaN(Value);
}
