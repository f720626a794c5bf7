namespace Tradewind.Indicators.Momentum;

/// <summary>Rate of change in percent: ((value / past) - 1) * 100, 0 when past is 0 (TA-Lib ROC). First value at index `period`.</summary>
public static class Roc
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        PeriodChange.Compute<RocFormula>(input, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "roc",
        TaLibFunction = "ROC",
        Group = IndicatorGroup.Momentum,
        Title = "Rate of Change",
        Description = "Percentage change over `period` bars: ((value / value[period bars ago]) - 1) x 100; 0 when the past value is 0 (TA-Lib ROC).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(10, min: 1)],
        Outputs = [new OutputSpec("value", "Percent change.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new RocState((int)p[0]),
    };
}

/// <summary>Streaming ROC; equals <see cref="Roc.Compute"/> bit for bit.</summary>
public sealed class RocState : IIndicatorState
{
    private readonly LagBuffer _lag;

    public RocState(int period)
    {
        _lag = new LagBuffer(period);
    }

    public int WarmUpPeriod => _lag.Lag + 1;

    public bool IsReady => _lag.IsReady;

    public double Update(double value) => _lag.Push(value, out var past) ? RocFormula.Value(value, past) : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _lag.Reset();
}
