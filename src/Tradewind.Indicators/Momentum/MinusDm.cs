namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Minus directional movement (TA-Lib MINUS_DM): Wilder's smoothed downward excursion. Period 1 is the raw one-bar -DM
/// from index 1; otherwise the first value, at index period-1, is the plain sum of the first period-1 one-bar values.
/// The arithmetic is <see cref="DirectionalMovementSide{TDirection}"/>, shared with the other side.
/// </summary>
public static class MinusDm
{
    public static int Lookback(int period) => DirectionalMovementSide<MinusDirection>.Lookback(period);

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output) =>
        DirectionalMovementSide<MinusDirection>.Compute(high, low, period, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "minus_dm",
        TaLibFunction = "MINUS_DM",
        Group = IndicatorGroup.Momentum,
        Title = "Minus Directional Movement",
        Description = "Wilder-smoothed sum of the part of each bar's range below the previous low, when it beats the move above the previous high (Wilder, 1978; TA-Lib MINUS_DM).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Parameters = [ParameterSpec.Period(14, min: 1)],
        Outputs = [new OutputSpec("value", "Smoothed -DM, in price units.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MinusDmState((int)p[0]),
    };
}

/// <summary>Streaming -DM; equals <see cref="MinusDm.Compute"/> bit for bit.</summary>
public sealed class MinusDmState(int period) : IIndicatorState
{
    private DirectionalStream<DirectionalMovementSide<MinusDirection>.Output> _stream = DirectionalMovementSide<MinusDirection>.CreateStream(period);

    public int WarmUpPeriod => _stream.WarmUpPeriod;

    public bool IsReady => _stream.IsReady;

    public double Update(double high, double low) => _stream.Update(high, low, 0.0);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset() => _stream.Reset();
}
