namespace Tradewind.Indicators.Cycle;

/// <summary>
/// Hilbert Transform - Phasor Components (TA-Lib HT_PHASOR, John Ehlers): the in-phase and quadrature components of
/// the detrended, smoothed price. First value at index 32.
/// </summary>
public static class HtPhasor
{
    public static int Lookback() => 32;

    public static void Compute(ReadOnlySpan<double> input, Span<double> inPhase, Span<double> quadrature)
    {
        var n = input.Length;
        var warm = Math.Min(Lookback(), n);
        inPhase[..warm].Fill(double.NaN);
        quadrature[..warm].Fill(double.NaN);
        var ht = new HilbertTransform(HilbertTransform.ShortWarmUp);
        for (var i = 0; i < warm; i++)
        {
            ht.Step(input[i]);
        }

        for (var i = warm; i < n; i++)
        {
            ht.Step(input[i]);
            inPhase[i] = ht.InPhase;
            quadrature[i] = ht.Quadrature;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ht_phasor",
        TaLibFunction = "HT_PHASOR",
        Group = IndicatorGroup.Cycle,
        Title = "Hilbert Transform - Phasor Components",
        Description = "In-phase and quadrature components of the smoothed, detrended price from Ehlers' Hilbert transform (John Ehlers, as in TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Outputs = [new OutputSpec("inphase", "In-phase component (I1)."), new OutputSpec("quadrature", "Quadrature component (Q1).")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, o.Out0, o.Out1),
        CreateStateUnchecked = _ => new HtPhasorState(),
    };
}

/// <summary>Streaming HT_PHASOR; equals <see cref="HtPhasor.Compute"/> bit for bit.</summary>
public sealed class HtPhasorState : IIndicatorState
{
    private HilbertTransform _ht = new(HilbertTransform.ShortWarmUp);
    private int _count;

    public int WarmUpPeriod => HtPhasor.Lookback() + 1;

    public bool IsReady => _count > HtPhasor.Lookback();

    public (double InPhase, double Quadrature) Update(double value)
    {
        _ht.Step(value);
        return _count++ < HtPhasor.Lookback() ? (double.NaN, double.NaN) : (_ht.InPhase, _ht.Quadrature);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        var (inPhase, quadrature) = Update(inputs[0]);
        outputs[0] = inPhase;
        outputs[1] = quadrature;
    }

    public void Reset()
    {
        _ht = new HilbertTransform(HilbertTransform.ShortWarmUp);
        _count = 0;
    }
}
