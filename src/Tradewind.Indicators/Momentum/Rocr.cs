namespace Tradewind.Indicators.Momentum;

/// <summary>Rate of change ratio: value / past, 0 when past is 0 (TA-Lib ROCR). First value at index `period`.</summary>
public static class Rocr
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        PeriodChange.Compute<RocrFormula>(input, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "rocr",
        TaLibFunction = "ROCR",
        Group = IndicatorGroup.Momentum,
        Title = "Rate of Change Ratio",
        Description = "Ratio of the value to the value `period` bars ago: value / past; 0 when past is 0 (TA-Lib ROCR).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(10, min: 1)],
        Outputs = [new OutputSpec("value", "Ratio (1.0 = unchanged).")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new RocrState((int)p[0]),
    };
}

/// <summary>Streaming ROCR; equals <see cref="Rocr.Compute"/> bit for bit.</summary>
public sealed class RocrState : IIndicatorState
{
    private readonly LagBuffer _lag;

    public RocrState(int period)
    {
        _lag = new LagBuffer(period);
    }

    public int WarmUpPeriod => _lag.Lag + 1;

    public bool IsReady => _lag.IsReady;

    public double Update(double value) => _lag.Push(value, out var past) ? RocrFormula.Value(value, past) : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _lag.Reset();
}
