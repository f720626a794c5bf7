namespace Tradewind.Indicators.Volatility;

/// <summary>
/// Normalized average true range (TA-Lib NATR): ATR / close x 100, first value at index period; 0 where the close is
/// within 1e-14 of zero. TA-Lib's period 1 returns the raw true range without normalizing; Tradewind keeps that so
/// results agree. The kernel is <see cref="AverageTrueRange{TScale}"/>, shared with ATR.
/// </summary>
public static class Natr
{
    public static int Lookback(int period) => AverageTrueRange<NormalizedAtr>.Lookback(period);

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output) =>
        AverageTrueRange<NormalizedAtr>.Compute(high, low, close, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "natr",
        TaLibFunction = "NATR",
        Group = IndicatorGroup.Volatility,
        Title = "Normalized Average True Range",
        Description = "ATR as a percentage of the close, comparable across price levels (TA-Lib NATR).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14, min: 1)],
        Outputs = [new OutputSpec("value", "NATR, percent of the close (period 1: the raw true range, as in TA-Lib).")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new NatrState((int)p[0]),
    };
}

/// <summary>Streaming NATR; equals <see cref="Natr.Compute"/> bit for bit.</summary>
public sealed class NatrState(int period) : IIndicatorState
{
    private AverageTrueRange<NormalizedAtr>.Stream _stream = new(period);

    public int WarmUpPeriod => _stream.WarmUpPeriod;

    public bool IsReady => _stream.IsReady;

    public double Update(double high, double low, double close) => _stream.Update(high, low, close);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => _stream.Reset();
}
