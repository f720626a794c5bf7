namespace Tradewind.Indicators.Statistics;

/// <summary>
/// Bar index of the highest value over the last `period` bars (TA-Lib MAXINDEX). The index is absolute, as TA-Lib
/// returns it: counted from the first bar of the input (0), not "bars ago". First value at index period-1. The kernel
/// is <see cref="WindowExtreme{TSide}"/>, shared with the opposite extreme.
/// </summary>
public static class MaxIndex
{
    public static int Lookback(int period) => WindowExtreme<HighestSide>.Lookback(period);

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        WindowExtreme<HighestSide>.ComputeIndices(input, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "maxindex",
        TaLibFunction = "MAXINDEX",
        Group = IndicatorGroup.MathOperator,
        Title = "Index of Highest Value",
        Description = "Bar index of the highest value over the last `period` bars (TA-Lib MAXINDEX). Indices are absolute, as TA-Lib returns them: "
            + "0 is the first bar of the input (the first bar with a value when the input starts with a warm-up). "
            + "On a tie the newest bar wins unless the previous highest has just left the window, then the oldest (TA-Lib's scan).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("index", "Absolute bar index of the highest value in the window.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MaxIndexState((int)p[0]),
    };
}

/// <summary>Streaming MAXINDEX; equals <see cref="MaxIndex.Compute"/> bit for bit. Indices count the bars this state has seen.</summary>
public sealed class MaxIndexState(int period) : IIndicatorState
{
    private WindowExtreme<HighestSide>.Stream _stream = new(period);

    public int WarmUpPeriod => _stream.WarmUpPeriod;

    public bool IsReady => _stream.IsReady;

    /// <summary>Consumes one value; returns the absolute index of the highest value, or NaN while warming up.</summary>
    public double Update(double value) => _stream.Update(value) ? _stream.Index : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _stream.Reset();
}
