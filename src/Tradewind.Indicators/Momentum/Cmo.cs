namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Chande Momentum Oscillator as TA-Lib computes it (TA-Lib CMO): 100 * (avgGain - avgLoss) / (avgGain + avgLoss)
/// over the same Wilder-smoothed averages as RSI. First value at index `period`.
/// </summary>
public static class Cmo
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        WilderGainLoss.Compute<CmoFormula>(input, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "cmo",
        TaLibFunction = "CMO",
        Group = IndicatorGroup.Momentum,
        Title = "Chande Momentum Oscillator",
        Description = "Net momentum on a -100..100 scale: 100 x (gains - losses) / (gains + losses) (Tushar Chande, 1994). "
            + "Like TA-Lib, gains and losses are Wilder-smoothed averages as in RSI, not plain sums over the window.",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "CMO, -100 to 100.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new CmoState((int)p[0]),
    };
}

/// <summary>Streaming CMO; equals <see cref="Cmo.Compute"/> bit for bit.</summary>
public sealed class CmoState : IIndicatorState
{
    private readonly WilderGainLossState _averages;

    public CmoState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _averages = new WilderGainLossState(period);
    }

    public int WarmUpPeriod => _averages.Period + 1;

    public bool IsReady => _averages.IsReady;

    public double Update(double value) => _averages.Update(value)
        ? CmoFormula.Value(_averages.AverageGain, _averages.AverageLoss)
        : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _averages.Reset();
}
