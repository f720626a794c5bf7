namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Relative Strength Index (TA-Lib RSI, J. Welles Wilder 1978): 100 * avgGain / (avgGain + avgLoss) with Wilder
/// smoothing seeded by simple averages of the first `period` changes. First value at index `period`.
/// </summary>
public static class Rsi
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        WilderGainLoss.Compute<RsiFormula>(input, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "rsi",
        TaLibFunction = "RSI",
        Group = IndicatorGroup.Momentum,
        Title = "Relative Strength Index",
        Description = "Speed of price changes on a 0-100 scale: 100 x average gain / (average gain + average loss), "
            + "with Wilder's smoothing seeded by simple averages of the first `period` changes (J. Welles Wilder, 1978; TA-Lib RSI).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "RSI, 0 to 100.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new RsiState((int)p[0]),
    };
}

/// <summary>Streaming RSI; equals <see cref="Rsi.Compute"/> bit for bit.</summary>
public sealed class RsiState : IIndicatorState
{
    private readonly WilderGainLossState _averages;

    public RsiState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _averages = new WilderGainLossState(period);
    }

    public int WarmUpPeriod => _averages.Period + 1;

    public bool IsReady => _averages.IsReady;

    public double Update(double value) => _averages.Update(value)
        ? RsiFormula.Value(_averages.AverageGain, _averages.AverageLoss)
        : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _averages.Reset();
}
