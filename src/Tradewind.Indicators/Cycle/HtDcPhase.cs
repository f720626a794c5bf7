namespace Tradewind.Indicators.Cycle;

/// <summary>
/// Hilbert Transform - Dominant Cycle Phase (TA-Lib HT_DCPHASE, John Ehlers), in degrees. First value at index 63.
/// </summary>
public static class HtDcPhase
{
    public static int Lookback() => 63;

    public static void Compute(ReadOnlySpan<double> input, Span<double> output)
    {
        var n = input.Length;
        var warm = Math.Min(Lookback(), n);
        output[..warm].Fill(double.NaN);
        var calc = new Calculator();
        for (var i = 0; i < warm; i++)
        {
            calc.Step(input[i]);
        }

        for (var i = warm; i < n; i++)
        {
            calc.Step(input[i]);
            output[i] = calc.Phase;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ht_dcphase",
        TaLibFunction = "HT_DCPHASE",
        Group = IndicatorGroup.Cycle,
        Title = "Hilbert Transform - Dominant Cycle Phase",
        Description = "Phase, in degrees (-45 to 315), of the dominant market cycle: a one-cycle DFT of the smoothed price at the Hilbert-measured period (John Ehlers, as in TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Outputs = [new OutputSpec("value", "Dominant cycle phase, in degrees.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, o.Out0),
        CreateStateUnchecked = _ => new HtDcPhaseState(),
    };

    /// <summary>One bar of HT_DCPHASE (shared by the batch kernel and the streaming state).</summary>
    internal struct Calculator
    {
        private HilbertTransform _ht;
        private DominantCyclePhase _phase;

        public Calculator()
        {
            _ht = new HilbertTransform(HilbertTransform.LongWarmUp);
        }

        public readonly double Phase => _phase.Phase;

        public void Step(double price)
        {
            if (_ht.Step(price))
            {
                _phase.Update(_ht.SmoothedPrice, _ht.SmoothPeriod);
            }
        }
    }
}

/// <summary>Streaming HT_DCPHASE; equals <see cref="HtDcPhase.Compute"/> bit for bit.</summary>
public sealed class HtDcPhaseState : IIndicatorState
{
    private HtDcPhase.Calculator _calc = new();
    private int _count;

    public int WarmUpPeriod => HtDcPhase.Lookback() + 1;

    public bool IsReady => _count > HtDcPhase.Lookback();

    public double Update(double value)
    {
        _calc.Step(value);
        return _count++ < HtDcPhase.Lookback() ? double.NaN : _calc.Phase;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _calc = new HtDcPhase.Calculator();
        _count = 0;
    }
}
