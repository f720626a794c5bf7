namespace Tradewind.Indicators.Momentum;

/// <summary>Momentum: value - value `period` bars ago (TA-Lib MOM). First value at index `period`.</summary>
public static class Mom
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        PeriodChange.Compute<MomFormula>(input, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "mom",
        Aliases = ["momentum"],
        TaLibFunction = "MOM",
        Group = IndicatorGroup.Momentum,
        Title = "Momentum",
        Description = "Change over `period` bars: value - value[period bars ago] (TA-Lib MOM).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(10, min: 1)],
        Outputs = [new OutputSpec("value", "Difference from `period` bars ago, in price units.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MomState((int)p[0]),
    };
}

/// <summary>Streaming MOM; equals <see cref="Mom.Compute"/> bit for bit.</summary>
public sealed class MomState : IIndicatorState
{
    private readonly LagBuffer _lag;

    public MomState(int period)
    {
        _lag = new LagBuffer(period);
    }

    public int WarmUpPeriod => _lag.Lag + 1;

    public bool IsReady => _lag.IsReady;

    public double Update(double value) => _lag.Push(value, out var past) ? MomFormula.Value(value, past) : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _lag.Reset();
}
