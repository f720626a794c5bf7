namespace Tradewind.Indicators.Momentum;

/// <summary>Rate of change ratio on a 100 scale: (value / past) * 100, 0 when past is 0 (TA-Lib ROCR100). First value at index `period`.</summary>
public static class Rocr100
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        PeriodChange.Compute<Rocr100Formula>(input, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "rocr100",
        TaLibFunction = "ROCR100",
        Group = IndicatorGroup.Momentum,
        Title = "Rate of Change Ratio x100",
        Description = "Ratio of the value to the value `period` bars ago, times 100: (value / past) x 100; 0 when past is 0 (TA-Lib ROCR100).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(10, min: 1)],
        Outputs = [new OutputSpec("value", "Ratio x 100 (100 = unchanged).")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new Rocr100State((int)p[0]),
    };
}

/// <summary>Streaming ROCR100; equals <see cref="Rocr100.Compute"/> bit for bit.</summary>
public sealed class Rocr100State : IIndicatorState
{
    private readonly LagBuffer _lag;

    public Rocr100State(int period)
    {
        _lag = new LagBuffer(period);
    }

    public int WarmUpPeriod => _lag.Lag + 1;

    public bool IsReady => _lag.IsReady;

    public double Update(double value) => _lag.Push(value, out var past) ? Rocr100Formula.Value(value, past) : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _lag.Reset();
}
