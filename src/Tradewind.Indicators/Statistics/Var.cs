namespace Tradewind.Indicators.Statistics;

/// <summary>
/// Population variance over the last `period` bars (TA-Lib VAR): mean of squares minus square of the mean, from
/// running sums. First value at index period-1.
/// </summary>
public static class Var
{
    /// <summary>TA_REAL_MIN/TA_REAL_MAX: TA-Lib's bounds for unbounded real parameters.</summary>
    internal const double RealMax = 3e37;

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
        ComputeFrom(input, period, lookback, output);
    }

    /// <summary>
    /// TA-Lib's INT_VAR called with startIdx = <paramref name="first"/> (at least period-1): the running sums start at
    /// first-(period-1), so a caller that starts late (BBANDS after a longer MA) gets TA-Lib's exact rounding.
    /// Writes output[first..]; leaves earlier bars alone.
    /// </summary>
    internal static void ComputeFrom(ReadOnlySpan<double> input, int period, int first, Span<double> output)
    {
        var trailing = first - (period - 1);
        var total1 = 0.0;
        var total2 = 0.0;
        for (var i = trailing; i < first; i++)
        {
            var x = input[i];
            total1 += x;
            total2 += x * x;
        }

        for (var i = first; i < input.Length; i++)
        {
            var x = input[i];
            total1 += x;
            total2 += x * x;
            var mean1 = total1 / period;
            var mean2 = total2 / period;
            var old = input[trailing++];
            total1 -= old;
            total2 -= old * old;
            output[i] = mean2 - (mean1 * mean1);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "var",
        Aliases = ["variance"],
        TaLibFunction = "VAR",
        Group = IndicatorGroup.Statistics,
        Title = "Variance",
        Description = "Population variance (divides by `period`, not period-1) of the source over the last `period` bars (TA-Lib VAR).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(5, min: 1),
            ParameterSpec.Real("nbdev", 1, -RealMax, RealMax, "Accepted for TA-Lib compatibility and ignored, as TA-Lib's VAR ignores it."),
        ],
        Outputs = [new OutputSpec("value", "The variance.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new VarState((int)p[0]),
    };
}

/// <summary>Streaming VAR; equals <see cref="Var.Compute"/> bit for bit.</summary>
public sealed class VarState : IIndicatorState
{
    private readonly SlidingWindow _window;
    private readonly int _period;
    private double _total1;
    private double _total2;

    public VarState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _window = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _window.IsFull;

    public double Update(double value)
    {
        _total1 += value;
        _total2 += value * value;
        _window.Add(value);
        if (!_window.IsFull)
        {
            return double.NaN;
        }

        var mean1 = _total1 / _period;
        var mean2 = _total2 / _period;
        var old = _window.Oldest;
        _total1 -= old;
        _total2 -= old * old;
        return mean2 - (mean1 * mean1);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _window.Clear();
        _total1 = 0;
        _total2 = 0;
    }
}
