namespace Tradewind.Indicators.Statistics;

/// <summary>
/// Highest value over the last `period` bars (TA-Lib MAX). First value at index period-1. The kernel is
/// <see cref="WindowExtreme{TSide}"/>, shared with the opposite extreme.
/// </summary>
public static class Max
{
    public static int Lookback(int period) => WindowExtreme<HighestSide>.Lookback(period);

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        WindowExtreme<HighestSide>.ComputeValues(input, period, output);

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
public sealed class MaxState(int period) : IIndicatorState
{
    private WindowExtreme<HighestSide>.Stream _stream = new(period);

    public int WarmUpPeriod => _stream.WarmUpPeriod;

    public bool IsReady => _stream.IsReady;

    public double Update(double value) => _stream.Update(value) ? _stream.Value : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _stream.Reset();
}
