namespace Tradewind.Indicators.Momentum;

/// <summary>Rate of change as a fraction: (value - past) / past, 0 when past is 0 (TA-Lib ROCP). First value at index `period`.</summary>
public static class Rocp
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        PeriodChange.Compute<RocpFormula>(input, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "rocp",
        TaLibFunction = "ROCP",
        Group = IndicatorGroup.Momentum,
        Title = "Rate of Change Percentage",
        Description = "Fractional change over `period` bars: (value - past) / past, where past is the value `period` bars ago; 0 when past is 0 (TA-Lib ROCP).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(10, min: 1)],
        Outputs = [new OutputSpec("value", "Fractional change (0.05 = +5%).")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new RocpState((int)p[0]),
    };
}

/// <summary>Streaming ROCP; equals <see cref="Rocp.Compute"/> bit for bit.</summary>
public sealed class RocpState : IIndicatorState
{
    private readonly LagBuffer _lag;

    public RocpState(int period)
    {
        _lag = new LagBuffer(period);
    }

    public int WarmUpPeriod => _lag.Lag + 1;

    public bool IsReady => _lag.IsReady;

    public double Update(double value) => _lag.Push(value, out var past) ? RocpFormula.Value(value, past) : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _lag.Reset();
}
