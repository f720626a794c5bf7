namespace Tradewind.Indicators.Statistics;

/// <summary>
/// Bar indices of the lowest and highest values over the last `period` bars (TA-Lib MINMAXINDEX). Indices are
/// absolute, as TA-Lib returns them: counted from the first bar of the input (0). First values at index period-1.
/// </summary>
public static class MinMaxIndex
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> minIndex, Span<double> maxIndex)
    {
        var lookback = Lookback(period);
        var n = input.Length;
        if (n <= lookback)
        {
            minIndex[..n].Fill(double.NaN);
            maxIndex[..n].Fill(double.NaN);
            return;
        }

        minIndex[..lookback].Fill(double.NaN);
        maxIndex[..lookback].Fill(double.NaN);
        var highest = new RollingExtreme<HighestSide>(RescanTies.Earliest);
        var lowest = new RollingExtreme<LowestSide>(RescanTies.Earliest);
        for (var today = lookback; today < n; today++)
        {
            var window = input.Slice(today - lookback, period);
            highest.Next(window, today);
            lowest.Next(window, today);
            maxIndex[today] = highest.Index;
            minIndex[today] = lowest.Index;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "minmaxindex",
        TaLibFunction = "MINMAXINDEX",
        Group = IndicatorGroup.MathOperator,
        Title = "Indices of Lowest and Highest Values",
        Description = "Bar indices of the lowest and highest values over the last `period` bars (TA-Lib MINMAXINDEX). Indices are absolute, as TA-Lib "
            + "returns them: 0 is the first bar of the input (the first bar with a value when the input starts with a warm-up).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs =
        [
            new OutputSpec("min", "Absolute bar index of the lowest value in the window."),
            new OutputSpec("max", "Absolute bar index of the highest value in the window."),
        ],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0, o.Out1),
        CreateStateUnchecked = p => new MinMaxIndexState((int)p[0]),
    };
}

/// <summary>Streaming MINMAXINDEX; equals <see cref="MinMaxIndex.Compute"/> bit for bit. Indices count the bars this state has seen.</summary>
public sealed class MinMaxIndexState : IIndicatorState
{
    private readonly SlidingWindow _window;
    private RollingExtreme<HighestSide> _highest = new(RescanTies.Earliest);
    private RollingExtreme<LowestSide> _lowest = new(RescanTies.Earliest);

    public MinMaxIndexState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _window.Capacity;

    public bool IsReady => _window.IsFull;

    /// <summary>Consumes one value; both indices are NaN while warming up.</summary>
    public void Update(double value, out double minIndex, out double maxIndex)
    {
        _window.Add(value);
        if (!_window.IsFull)
        {
            minIndex = double.NaN;
            maxIndex = double.NaN;
            return;
        }

        _highest.Next(_window);
        _lowest.Next(_window);
        maxIndex = _highest.Index;
        minIndex = _lowest.Index;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        Update(inputs[0], out var minIndex, out var maxIndex);
        outputs[0] = minIndex;
        outputs[1] = maxIndex;
    }

    public void Reset()
    {
        _window.Clear();
        _highest.Reset();
        _lowest.Reset();
    }
}
