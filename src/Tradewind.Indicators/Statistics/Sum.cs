namespace Tradewind.Indicators.Statistics;

/// <summary>Rolling sum over the last `period` bars (TA-Lib SUM). First value at index period-1.</summary>
public static class Sum
{
    public static int Lookback(int period) => period - 1;

    /// <summary>Batch SUM with TA-Lib's running total: add the new bar, emit, drop the oldest.</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var lookback = Lookback(period);
        var n = input.Length;
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var total = 0.0;
        for (var i = 0; i < lookback; i++)
        {
            total += input[i];
        }

        var trailing = 0;
        for (var i = lookback; i < n; i++)
        {
            total += input[i];
            output[i] = total;
            total -= input[trailing++];
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "sum",
        TaLibFunction = "SUM",
        Group = IndicatorGroup.MathOperator,
        Title = "Summation",
        Description = "Sum of the source over the last `period` bars, the current bar included (TA-Lib SUM).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The sum.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new SumState((int)p[0]),
    };
}

/// <summary>Streaming SUM; equals <see cref="Sum.Compute"/> bit for bit.</summary>
public sealed class SumState : IIndicatorState
{
    private readonly SlidingWindow _window;
    private double _total;

    public SumState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _window.Capacity;

    public bool IsReady => _window.IsFull;

    public double Update(double value)
    {
        _total += value;
        _window.Add(value);
        if (!_window.IsFull)
        {
            return double.NaN;
        }

        var result = _total;
        _total -= _window.Oldest;
        return result;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _window.Clear();
        _total = 0;
    }
}
