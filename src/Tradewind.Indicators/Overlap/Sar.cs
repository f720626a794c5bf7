using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Parabolic SAR (TA-Lib SAR; J. Welles Wilder, "New Concepts in Technical Trading Systems", 1978). First value at
/// index 1: the first bar only supplies the initial extreme.
/// </summary>
public static class Sar
{
    /// <summary>
    /// Upper bound of every acceleration factor. TA-Lib accepts up to 3e37, but a factor above 1 moves the SAR past
    /// the extreme price it chases, so Tradewind rejects it.
    /// </summary>
    public const double MaxFactor = 1;

    public static int Lookback() => 1;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, double acceleration, double maximum, Span<double> output)
    {
        var sar = Create(acceleration, maximum);
        for (var i = 0; i < high.Length; i++)
        {
            output[i] = sar.Next(high[i], low[i]);
        }
    }

    internal static ParabolicSar Create(double acceleration, double maximum) =>
        new(0, 0, acceleration, acceleration, maximum, acceleration, acceleration, maximum, signed: false);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "sar",
        Aliases = ["psar", "parabolic_sar"],
        TaLibFunction = "SAR",
        Group = IndicatorGroup.Overlap,
        Title = "Parabolic SAR",
        Description = "Wilder's parabolic stop-and-reverse: a trailing stop that accelerates towards price by `acceleration` per new extreme, "
            + "up to `maximum`, and flips side when price crosses it (J. Welles Wilder 1978; TA-Lib SAR). The initial side comes from the "
            + "directional movement between the first two bars.",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Parameters =
        [
            ParameterSpec.Real("acceleration", 0.02, 0, MaxFactor, "Acceleration factor: its starting value and its step per new extreme."),
            ParameterSpec.Real("maximum", 0.2, 0, MaxFactor, "Largest acceleration factor."),
        ],
        Outputs = [new OutputSpec("value", "The stop level.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, p[0], p[1], o.Out0),
        CreateStateUnchecked = p => new SarState(p[0], p[1]),
    };
}

/// <summary>Streaming SAR; equals <see cref="Sar.Compute"/> bit for bit.</summary>
public sealed class SarState : IIndicatorState
{
    private ParabolicSar _sar;

    public SarState(double acceleration, double maximum)
    {
        _sar = Sar.Create(acceleration, maximum);
    }

    public int WarmUpPeriod => Sar.Lookback() + 1;

    public bool IsReady => _sar.IsReady;

    public double Update(double high, double low) => _sar.Next(high, low);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = _sar.Next(inputs[0], inputs[1]);

    public void Reset() => _sar.Reset();
}
