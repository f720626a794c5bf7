namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Plus directional movement (TA-Lib PLUS_DM): Wilder's smoothed upward excursion. Period 1 is the raw one-bar +DM
/// from index 1; otherwise the first value, at index period-1, is the plain sum of the first period-1 one-bar values.
/// The arithmetic is <see cref="DirectionalMovementSide{TDirection}"/>, shared with the other side.
/// </summary>
public static class PlusDm
{
    public static int Lookback(int period) => DirectionalMovementSide<PlusDirection>.Lookback(period);

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output) =>
        DirectionalMovementSide<PlusDirection>.Compute(high, low, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "plus_dm",
        TaLibFunction = "PLUS_DM",
        Group = IndicatorGroup.Momentum,
        Title = "Plus Directional Movement",
        Description = "Wilder-smoothed sum of the part of each bar's range above the previous high, when it beats the move below the previous low (Wilder, 1978; TA-Lib PLUS_DM).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Parameters = [ParameterSpec.Period(14, min: 1)],
        Outputs = [new OutputSpec("value", "Smoothed +DM, in price units.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new PlusDmState((int)p[0]),
    };
}

/// <summary>Streaming +DM; equals <see cref="PlusDm.Compute"/> bit for bit.</summary>
public sealed class PlusDmState(int period) : IIndicatorState
{
    private DirectionalStream<DirectionalMovementSide<PlusDirection>.Output> _stream = DirectionalMovementSide<PlusDirection>.CreateStream(period);

    public int WarmUpPeriod => _stream.WarmUpPeriod;

    public bool IsReady => _stream.IsReady;

    public double Update(double high, double low) => _stream.Update(high, low, 0.0);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset() => _stream.Reset();
}
