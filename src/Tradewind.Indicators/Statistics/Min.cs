namespace Tradewind.Indicators.Statistics;

/// <summary>
/// Lowest value over the last `period` bars (TA-Lib MIN). First value at index period-1. The kernel is
/// <see cref="WindowExtreme{TSide}"/>, shared with the opposite extreme.
/// </summary>
public static class Min
{
    public static int Lookback(int period) => WindowExtreme<LowestSide>.Lookback(period);

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        WindowExtreme<LowestSide>.ComputeValues(input, period, output);

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
public sealed class MinState(int period) : IIndicatorState
{
    private WindowExtreme<LowestSide>.Stream _stream = new(period);

    public int WarmUpPeriod => _stream.WarmUpPeriod;

    public bool IsReady => _stream.IsReady;

    public double Update(double value) => _stream.Update(value) ? _stream.Value : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _stream.Reset();
}
