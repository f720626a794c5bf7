using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// George Lane's raw %K as TA-Lib computes it: (close - lowest low) / ((highest high - lowest low) / 100) over
/// `period` bars, 0 when the range is 0. First value at index period - 1.
/// </summary>
internal static class StochasticFastK
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        var n = close.Length;
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);

        var highest = new RollingExtreme<HighestSide>(RescanTies.Earliest);
        var lowest = new RollingExtreme<LowestSide>(RescanTies.Earliest);
        for (var today = lookback; today < n; today++)
        {
            var h = highest.Next(high.Slice(today - lookback, period), today);
            var l = lowest.Next(low.Slice(today - lookback, period), today);
            output[today] = Value(close[today], l, h);
        }
    }

    // TA-Lib divides by (range / 100) rather than multiplying by 100 afterwards; the order changes the last bits.
    public static double Value(double close, double lowest, double highest)
    {
        var diff = (highest - lowest) / 100.0;
        return diff != 0.0 ? (close - lowest) / diff : 0.0;
    }
}

/// <summary>Streaming <see cref="StochasticFastK"/>: the same extremes over the last `period` highs and lows.</summary>
internal sealed class StochasticFastKState
{
    private readonly HighLowWindow _window;
    private readonly int _period;

    public StochasticFastKState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _window = new HighLowWindow(period, RescanTies.Earliest);
    }

    public int Lookback => _period - 1;

    public bool IsReady => _window.IsFull;

    public double Update(double high, double low, double close) =>
        _window.Add(high, low) ? StochasticFastK.Value(close, _window.Lowest, _window.Highest) : double.NaN;

    public void Reset() => _window.Reset();
}
