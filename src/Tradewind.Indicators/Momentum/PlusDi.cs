namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Plus directional indicator (TA-Lib PLUS_DI): 100 x smoothed +DM / smoothed true range, first value at index
/// period. TA-Lib's period 1 is the raw ratio +DM1 / TR1 without the factor 100, from index 1; Tradewind keeps that.
/// The arithmetic is <see cref="DirectionalIndex{TDirection}"/>, shared with the other side.
/// </summary>
public static class PlusDi
{
    public static int Lookback(int period) => DirectionalIndex<PlusDirection>.Lookback(period);

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output) =>
        DirectionalIndex<PlusDirection>.Compute(high, low, close, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "plus_di",
        TaLibFunction = "PLUS_DI",
        Group = IndicatorGroup.Momentum,
        Title = "Plus Directional Indicator",
        Description = "Share of the average true range made of upward directional movement: 100 x smoothed +DM / smoothed TR (Wilder, 1978; TA-Lib PLUS_DI).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14, min: 1)],
        Outputs = [new OutputSpec("value", "+DI, 0..100 (period 1: a 0..1 ratio, as in TA-Lib).")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new PlusDiState((int)p[0]),
    };
}

/// <summary>Streaming +DI; equals <see cref="PlusDi.Compute"/> bit for bit.</summary>
public sealed class PlusDiState(int period) : IIndicatorState
{
    private DirectionalStream<DirectionalIndex<PlusDirection>.Output> _stream = DirectionalIndex<PlusDirection>.CreateStream(period);

    public int WarmUpPeriod => _stream.WarmUpPeriod;

    public bool IsReady => _stream.IsReady;

    public double Update(double high, double low, double close) => _stream.Update(high, low, close);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => _stream.Reset();
}
