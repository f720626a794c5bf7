namespace Tradewind.Indicators.Statistics;

/// <summary>Lowest and highest values over the last `period` bars (TA-Lib MINMAX). First values at index period-1.</summary>
public static class MinMax
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> min, Span<double> max)
    {
        var lookback = Lookback(period);
        var n = input.Length;
        if (n <= lookback)
        {
            min[..n].Fill(double.NaN);
            max[..n].Fill(double.NaN);
            return;
        }

        min[..lookback].Fill(double.NaN);
        max[..lookback].Fill(double.NaN);
        var highest = new RollingExtreme<HighestSide>(RescanTies.Earliest);
        var lowest = new RollingExtreme<LowestSide>(RescanTies.Earliest);
        for (var today = lookback; today < n; today++)
        {
            var window = input.Slice(today - lookback, period);
            max[today] = highest.Next(window, today);
            min[today] = lowest.Next(window, today);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "minmax",
        TaLibFunction = "MINMAX",
        Group = IndicatorGroup.MathOperator,
        Title = "Lowest and Highest Values",
        Description = "Lowest and highest values of the source over the last `period` bars, the current bar included (TA-Lib MINMAX).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("min", "The lowest value in the window."), new OutputSpec("max", "The highest value in the window.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0, o.Out1),
        CreateStateUnchecked = p => new MinMaxState((int)p[0]),
    };
}

/// <summary>Streaming MINMAX; equals <see cref="MinMax.Compute"/> bit for bit.</summary>
public sealed class MinMaxState : IIndicatorState
{
    private readonly SlidingWindow _window;
    private RollingExtreme<HighestSide> _highest = new(RescanTies.Earliest);
    private RollingExtreme<LowestSide> _lowest = new(RescanTies.Earliest);

    public MinMaxState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _window.Capacity;

    public bool IsReady => _window.IsFull;

    /// <summary>Consumes one value; both outputs are NaN while warming up.</summary>
    public void Update(double value, out double min, out double max)
    {
        _window.Add(value);
        if (!_window.IsFull)
        {
            min = double.NaN;
            max = double.NaN;
            return;
        }

        max = _highest.Next(_window);
        min = _lowest.Next(_window);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        Update(inputs[0], out var min, out var max);
        outputs[0] = min;
        outputs[1] = max;
    }

    public void Reset()
    {
        _window.Clear();
        _highest.Reset();
        _lowest.Reset();
    }
}
