using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Parabolic SAR, extended (TA-Lib SAREXT): separate acceleration factors for long and short, an optional fixed
/// start, and an offset on reversal. The output is negative while short. First value at index 1.
/// </summary>
public static class SarExt
{
    /// <summary>Bound of |start_value|: TA-Lib accepts up to 3e37; 1e15 is far above any price and stays exact in a double.</summary>
    public const double MaxStartValue = 1e15;

    public static int Lookback() => 1;

    /// <summary>Batch SAREXT; the factors are TA-Lib's, in TA-Lib's order (defaults 0, 0, 0.02, 0.02, 0.2, 0.02, 0.02, 0.2).</summary>
    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        double startValue,
        double offsetOnReverse,
        double accelerationInitLong,
        double accelerationLong,
        double accelerationMaxLong,
        double accelerationInitShort,
        double accelerationShort,
        double accelerationMaxShort,
        Span<double> output)
    {
        var sar = new ParabolicSar(
            startValue,
            offsetOnReverse,
            accelerationInitLong,
            accelerationLong,
            accelerationMaxLong,
            accelerationInitShort,
            accelerationShort,
            accelerationMaxShort,
            signed: true);
        for (var i = 0; i < high.Length; i++)
        {
            output[i] = sar.Next(high[i], low[i]);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "sarext",
        TaLibFunction = "SAREXT",
        Group = IndicatorGroup.Overlap,
        Title = "Parabolic SAR - Extended",
        Description = "Wilder's parabolic SAR with separate acceleration settings for long and short, an optional start value and a "
            + "reversal offset (TA-Lib SAREXT). The value is positive while long and negated while short; abs() gives the stop level.",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Parameters =
        [
            ParameterSpec.Real("start_value", 0, -MaxStartValue, MaxStartValue, "0: side from the first two bars; > 0: start long with this SAR; < 0: start short with SAR = |value|."),
            ParameterSpec.Real("offset_on_reverse", 0, 0, Var.RealMax, "Fraction added to (short) or taken from (long) the SAR on a reversal."),
            ParameterSpec.Real("acceleration_init_long", 0.02, 0, Sar.MaxFactor, "Acceleration factor when a long starts."),
            ParameterSpec.Real("acceleration_long", 0.02, 0, Sar.MaxFactor, "Step per new high while long."),
            ParameterSpec.Real("acceleration_max_long", 0.2, 0, Sar.MaxFactor, "Largest acceleration factor while long."),
            ParameterSpec.Real("acceleration_init_short", 0.02, 0, Sar.MaxFactor, "Acceleration factor when a short starts."),
            ParameterSpec.Real("acceleration_short", 0.02, 0, Sar.MaxFactor, "Step per new low while short."),
            ParameterSpec.Real("acceleration_max_short", 0.2, 0, Sar.MaxFactor, "Largest acceleration factor while short."),
        ],
        Outputs = [new OutputSpec("value", "The stop level, negated while short.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], o.Out0),
        CreateStateUnchecked = p => new SarExtState(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]),
    };
}

/// <summary>Streaming SAREXT; equals <see cref="SarExt.Compute"/> bit for bit.</summary>
public sealed class SarExtState : IIndicatorState
{
    private ParabolicSar _sar;

    public SarExtState(
        double startValue,
        double offsetOnReverse,
        double accelerationInitLong,
        double accelerationLong,
        double accelerationMaxLong,
        double accelerationInitShort,
        double accelerationShort,
        double accelerationMaxShort)
    {
        _sar = new ParabolicSar(
            startValue,
            offsetOnReverse,
            accelerationInitLong,
            accelerationLong,
            accelerationMaxLong,
            accelerationInitShort,
            accelerationShort,
            accelerationMaxShort,
            signed: true);
    }

    public int WarmUpPeriod => SarExt.Lookback() + 1;

    public bool IsReady => _sar.IsReady;

    public double Update(double high, double low) => _sar.Next(high, low);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = _sar.Next(inputs[0], inputs[1]);

    public void Reset() => _sar.Reset();
}
