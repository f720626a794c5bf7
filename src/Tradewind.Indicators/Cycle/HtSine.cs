namespace Tradewind.Indicators.Cycle;

/// <summary>
/// Hilbert Transform - SineWave (TA-Lib HT_SINE, John Ehlers): the sine of the dominant cycle phase and the sine
/// of the phase advanced 45 degrees. First value at index 63.
/// </summary>
public static class HtSine
{
    // TA-Lib converts degrees to radians with 1/(45/atan 1).
    private static readonly double Deg2Rad = 1.0 / HilbertTransform.Rad2Deg;

    public static int Lookback() => 63;

    public static void Compute(ReadOnlySpan<double> input, Span<double> sine, Span<double> leadSine)
    {
        var n = input.Length;
        var warm = Math.Min(Lookback(), n);
        sine[..warm].Fill(double.NaN);
        leadSine[..warm].Fill(double.NaN);
        var calc = new HtDcPhase.Calculator();
        for (var i = 0; i < warm; i++)
        {
            calc.Step(input[i]);
        }

        for (var i = warm; i < n; i++)
        {
            calc.Step(input[i]);
            (sine[i], leadSine[i]) = Sines(calc.Phase);
        }
    }

    internal static (double Sine, double LeadSine) Sines(double phase) =>
        (Math.Sin(phase * Deg2Rad), Math.Sin((phase + 45) * Deg2Rad));

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ht_sine",
        Aliases = ["ht_sinewave"],
        TaLibFunction = "HT_SINE",
        Group = IndicatorGroup.Cycle,
        Title = "Hilbert Transform - SineWave",
        Description = "Sine of the dominant cycle phase and of the phase advanced 45 degrees; their crossings mark cycle turns (John Ehlers, as in TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Outputs = [new OutputSpec("sine", "Sine of the dominant cycle phase."), new OutputSpec("leadsine", "Sine of the phase plus 45 degrees.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, o.Out0, o.Out1),
        CreateStateUnchecked = _ => new HtSineState(),
    };
}

/// <summary>Streaming HT_SINE; equals <see cref="HtSine.Compute"/> bit for bit.</summary>
public sealed class HtSineState : IIndicatorState
{
    private HtDcPhase.Calculator _calc = new();
    private int _count;

    public int WarmUpPeriod => HtSine.Lookback() + 1;

    public bool IsReady => _count > HtSine.Lookback();

    public (double Sine, double LeadSine) Update(double value)
    {
        _calc.Step(value);
        return _count++ < HtSine.Lookback() ? (double.NaN, double.NaN) : HtSine.Sines(_calc.Phase);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        var (sine, leadSine) = Update(inputs[0]);
        outputs[0] = sine;
        outputs[1] = leadSine;
    }

    public void Reset()
    {
        _calc = new HtDcPhase.Calculator();
        _count = 0;
    }
}
