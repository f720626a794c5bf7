namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Linearly weighted moving average (weights 1..period, newest heaviest) with TA-Lib WMA's running sums: the
/// weighted sum is kept up to date by adding period x the new value and subtracting the plain window sum, so a bar
/// costs a few additions whatever the period. First value at index period-1; period 1 copies the input.
/// </summary>
internal static class WeightedAverage
{
    public static int Lookback(int period) => period - 1;

    /// <summary>Writes the WMA from index period-1 on; earlier bars are left untouched.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var n = input.Length;
        if (n < period)
        {
            return;
        }

        if (period == 1)
        {
            input.CopyTo(output);
            return;
        }

        double divider = (period * (period + 1)) >> 1;
        var weightedSum = 0.0;
        var plainSum = 0.0;
        for (var i = 0; i < period - 1; i++)
        {
            plainSum += input[i];
            weightedSum += input[i] * (i + 1);
        }

        var trailingValue = 0.0;
        var trailing = 0;
        for (var i = period - 1; i < n; i++)
        {
            var value = input[i];
            plainSum += value;
            plainSum -= trailingValue;
            weightedSum += value * period;
            trailingValue = input[trailing++];
            output[i] = weightedSum / divider;
            weightedSum -= plainSum;
        }
    }
}

/// <summary>Streaming form of <see cref="WeightedAverage"/>: same running sums, same order, bit-identical values.</summary>
internal sealed class WeightedAverageWindow
{
    private readonly double[] _window;
    private readonly int _period;
    private readonly double _divider;
    private double _weightedSum;
    private double _plainSum;
    private double _trailingValue;
    private int _count;
    private int _head;

    public WeightedAverageWindow(int period)
    {
        _period = period;
        _window = new double[period];
        _divider = (period * (period + 1)) >> 1;
    }

    public bool IsReady => _count >= _period;

    /// <summary>Consumes one value; NaN until `period` values have been seen.</summary>
    public double Update(double value)
    {
        if (_period == 1)
        {
            _count = 1;
            return value;
        }

        _window[_head] = value;
        _head = _head + 1 == _period ? 0 : _head + 1;
        if (_count < _period - 1)
        {
            _count++;
            _plainSum += value;
            _weightedSum += value * _count;
            return double.NaN;
        }

        _count = _period;
        _plainSum += value;
        _plainSum -= _trailingValue;
        _weightedSum += value * _period;

        // _head now points at the oldest value in the window, which the next bar drops.
        _trailingValue = _window[_head];
        var result = _weightedSum / _divider;
        _weightedSum -= _plainSum;
        return result;
    }

    public void Reset()
    {
        _weightedSum = 0;
        _plainSum = 0;
        _trailingValue = 0;
        _count = 0;
        _head = 0;
        Array.Clear(_window);
    }
}
