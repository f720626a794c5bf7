using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Overlap;

/// <summary>Midpoint of the highest and lowest value over the last `period` bars (TA-Lib MIDPOINT). First value at index period-1.</summary>
public static class MidPoint
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

        // Tracking the extremes gives exactly TA-Lib's highest and lowest without rescanning every window.
        var highest = new RollingExtreme<HighestSide>(RescanTies.Earliest);
        var lowest = new RollingExtreme<LowestSide>(RescanTies.Earliest);
        for (var today = lookback; today < n; today++)
        {
            var window = input.Slice(today - lookback, period);
            output[today] = (highest.Next(window, today) + lowest.Next(window, today)) / 2.0;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "midpoint",
        TaLibFunction = "MIDPOINT",
        Group = IndicatorGroup.Overlap,
        Title = "Midpoint over Period",
        Description = "(highest + lowest) / 2 of the source over the last `period` bars (TA-Lib MIDPOINT).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "The midpoint.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MidPointState((int)p[0]),
    };
}

/// <summary>Streaming MIDPOINT; equals <see cref="MidPoint.Compute"/> bit for bit.</summary>
public sealed class MidPointState : IIndicatorState
{
    private readonly SlidingWindow _window;
    private RollingExtreme<HighestSide> _highest = new(RescanTies.Earliest);
    private RollingExtreme<LowestSide> _lowest = new(RescanTies.Earliest);

    public MidPointState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _window.Capacity;

    public bool IsReady => _window.IsFull;

    public double Update(double value)
    {
        _window.Add(value);
        if (!_window.IsFull)
        {
            return double.NaN;
        }

        return (_highest.Next(_window) + _lowest.Next(_window)) / 2.0;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _window.Clear();
        _highest.Reset();
        _lowest.Reset();
    }
}
