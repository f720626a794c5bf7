namespace Tradewind.Indicators.Cycle;

/// <summary>
/// Hilbert Transform - Dominant Cycle Period (TA-Lib HT_DCPERIOD, John Ehlers). First value at index 32 (TA-Lib's
/// lookback with its default unstable period of 0).
/// </summary>
public static class HtDcPeriod
{
    public static int Lookback() => 32;

    public static void Compute(ReadOnlySpan<double> input, Span<double> output)
    {
        var n = input.Length;
        var warm = Math.Min(Lookback(), n);
        output[..warm].Fill(double.NaN);
        var ht = new HilbertTransform(HilbertTransform.ShortWarmUp);
        for (var i = 0; i < warm; i++)
        {
            ht.Step(input[i]);
        }

        for (var i = warm; i < n; i++)
        {
            ht.Step(input[i]);
            output[i] = ht.SmoothPeriod;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ht_dcperiod",
        TaLibFunction = "HT_DCPERIOD",
        Group = IndicatorGroup.Cycle,
        Title = "Hilbert Transform - Dominant Cycle Period",
        Description = "Length in bars (6 to 50) of the dominant market cycle, measured with a Hilbert transform and a homodyne discriminator (John Ehlers, as in TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Outputs = [new OutputSpec("value", "Dominant cycle period, in bars.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, o.Out0),
        CreateStateUnchecked = _ => new HtDcPeriodState(),
    };
}

/// <summary>Streaming HT_DCPERIOD; equals <see cref="HtDcPeriod.Compute"/> bit for bit.</summary>
public sealed class HtDcPeriodState : IIndicatorState
{
    private HilbertTransform _ht = new(HilbertTransform.ShortWarmUp);
    private int _count;

    public int WarmUpPeriod => HtDcPeriod.Lookback() + 1;

    public bool IsReady => _count > HtDcPeriod.Lookback();

    public double Update(double value)
    {
        _ht.Step(value);
        return _count++ < HtDcPeriod.Lookback() ? double.NaN : _ht.SmoothPeriod;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _ht = new HilbertTransform(HilbertTransform.ShortWarmUp);
        _count = 0;
    }
}
