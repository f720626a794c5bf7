namespace Tradewind.Indicators.Volatility;

/// <summary>
/// Average true range (TA-Lib ATR): Wilder's moving average of the true range, seeded with the simple mean of the
/// first `period` true ranges. First value at index period. The kernel is <see cref="AverageTrueRange{TScale}"/>,
/// shared with NATR.
/// </summary>
public static class Atr
{
    public static int Lookback(int period) => AverageTrueRange<RawAtr>.Lookback(period);

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output) =>
        AverageTrueRange<RawAtr>.Compute(high, low, close, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "atr",
        TaLibFunction = "ATR",
        Group = IndicatorGroup.Volatility,
        Title = "Average True Range",
        Description = "Typical bar range including gaps: Wilder's moving average of the true range, seeded with a simple mean (Wilder, 1978; TA-Lib ATR).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14, min: 1)],
        Outputs = [new OutputSpec("value", "ATR, in price units.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new AtrState((int)p[0]),
    };
}

/// <summary>Streaming ATR; equals <see cref="Atr.Compute"/> bit for bit.</summary>
public sealed class AtrState(int period) : IIndicatorState
{
    private AverageTrueRange<RawAtr>.Stream _stream = new(period);

    public int WarmUpPeriod => _stream.WarmUpPeriod;

    public bool IsReady => _stream.IsReady;

    public double Update(double high, double low, double close) => _stream.Update(high, low, close);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => _stream.Reset();
}
