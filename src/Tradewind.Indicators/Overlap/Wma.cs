using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Linearly weighted moving average (TA-Lib WMA): weights 1..period, the newest bar heaviest. First value at index
/// period-1; period 1 copies the input, as TA-Lib does (HMA needs it for its sqrt(period) stage).
/// </summary>
public static class Wma
{
    public static int Lookback(int period) => period - 1;

    /// <summary>1 + 2 + ... + period. TA-Lib computes it in int, which overflows past period 46340; long does not.</summary>
    internal static double Divider(int period) => (long)period * (period + 1) / 2;

    /// <summary>
    /// Batch WMA with TA-Lib's O(1) update: the weighted sum gains period x the new bar and loses the plain sum of
    /// the previous window.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var lookback = Lookback(period);
        var n = input.Length;
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        if (period == 1)
        {
            input.CopyTo(output);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var divider = Divider(period);
        var weightedSum = 0.0;
        var plainSum = 0.0;
        for (var i = 0; i < lookback; i++)
        {
            var x = input[i];
            plainSum += x;
            weightedSum += x * (i + 1);
        }

        var trailingValue = 0.0;
        var trailing = 0;
        for (var i = lookback; i < n; i++)
        {
            var x = input[i];
            plainSum += x;
            plainSum -= trailingValue;
            weightedSum += x * period;
            trailingValue = input[trailing++];
            output[i] = weightedSum / divider;
            weightedSum -= plainSum;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "wma",
        TaLibFunction = "WMA",
        Group = IndicatorGroup.Overlap,
        Title = "Weighted Moving Average",
        Description = "Linearly weighted average of the last `period` values, weights 1 (oldest) to period (newest) (TA-Lib WMA).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new WmaState((int)p[0]),
    };
}

/// <summary>Streaming WMA; equals <see cref="Wma.Compute"/> bit for bit.</summary>
public sealed class WmaState : IIndicatorState, IMovingAverageState
{
    private readonly SlidingWindow _window;
    private readonly int _period;
    private readonly double _divider;
    private double _weightedSum;
    private double _plainSum;
    private double _trailingValue;

    public WmaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _divider = Wma.Divider(period);
        _window = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _window.IsFull;

    public double Update(double value)
    {
        if (_period == 1)
        {
            _window.Add(value);
            return value;
        }

        if (_window.Count < _period - 1)
        {
            _plainSum += value;
            _weightedSum += value * (_window.Count + 1);
            _window.Add(value);
            return double.NaN;
        }

        _plainSum += value;
        _plainSum -= _trailingValue;
        _weightedSum += value * _period;
        _window.Add(value);

        // The window now starts at the bar TA-Lib reads as its trailing value for the next step.
        _trailingValue = _window.Oldest;
        var result = _weightedSum / _divider;
        _weightedSum -= _plainSum;
        return result;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _window.Clear();
        _weightedSum = 0;
        _plainSum = 0;
        _trailingValue = 0;
    }
}
