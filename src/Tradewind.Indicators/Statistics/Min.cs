namespace Tradewind.Indicators.Statistics;

/// <summary>Lowest value over the last `period` bars (TA-Lib MIN). First value at index period-1.</summary>
public static class Min
{
    public static int Lookback(int period) => period - 1;

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
        RollingExtreme.Compute<LowestSide>(input, period, RescanTies.Earliest, output);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "min",
        Aliases = ["lowest"],
        TaLibFunction = "MIN",
        Group = IndicatorGroup.MathOperator,
        Title = "Lowest Value",
        Description = "Lowest value of the source over the last `period` bars, the current bar included (TA-Lib MIN).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The lowest value in the window.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MinState((int)p[0]),
    };
}

/// <summary>Streaming MIN; equals <see cref="Min.Compute"/> bit for bit.</summary>
public sealed class MinState : IIndicatorState
{
    private readonly SlidingWindow _window;
    private RollingExtreme<LowestSide> _lowest = new(RescanTies.Earliest);

    public MinState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _window.Capacity;

    public bool IsReady => _window.IsFull;

    public double Update(double value)
    {
        _window.Add(value);
        return _window.IsFull ? _lowest.Next(_window) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _window.Clear();
        _lowest.Reset();
    }
}
