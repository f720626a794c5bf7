using Tradewind.Core;

namespace Tradewind.Signals;

/// <summary>
/// The value of an expression at every bar: one column per output (one for a plain expression, several for a
/// multi-output indicator such as <c>bbands(close, 20, 2)</c>). Booleans are 1 and 0; na is NaN.
/// </summary>
public sealed record EvaluationResult(
    Ticker Ticker,
    Timeframe Timeframe,
    long[] Time,
    IReadOnlyList<string> Names,
    IReadOnlyList<double[]> Columns,
    bool IsBoolean)
{
    public int Count => Time.Length;

    /// <summary>The value at the last bar (<c>x[-1]</c>) of output <paramref name="output"/>.</summary>
    public double Latest(int output = 0) => Count == 0 ? double.NaN : Columns[output][Count - 1];

    /// <summary>The value of every output at the last bar.</summary>
    public IReadOnlyList<double> LatestValues => Columns.Select(c => c.Length == 0 ? double.NaN : c[^1]).ToArray();
}
