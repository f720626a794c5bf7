namespace Tradewind.Indicators.Statistics;

/// <summary>Highest value over the last `period` bars (TA-Lib MAX). First value at index period-1.</summary>
public static class Max
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
        RollingExtreme.Compute<HighestSide>(input, period, RescanTies.Earliest, output);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "max",
        Aliases = ["highest"],
        TaLibFunction = "MAX",
        Group = IndicatorGroup.MathOperator,
        Title = "Highest Value",
        Description = "Highest value of the source over the last `period` bars, the current bar included (TA-Lib MAX).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The highest value in the window.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MaxState((int)p[0]),
    };
}

/// <summary>Streaming MAX; equals <see cref="Max.Compute"/> bit for bit.</summary>
public sealed class MaxState : IIndicatorState
{
    private readonly SlidingWindow _window;
    private RollingExtreme<HighestSide> _highest = new(RescanTies.Earliest);

    public MaxState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _window.Capacity;

    public bool IsReady => _window.IsFull;

    public double Update(double value)
    {
        _window.Add(value);
        return _window.IsFull ? _highest.Next(_window) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _window.Clear();
        _highest.Reset();
    }
}
