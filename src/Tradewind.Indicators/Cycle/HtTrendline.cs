namespace Tradewind.Indicators.Cycle;

/// <summary>
/// Hilbert Transform - Instantaneous Trendline (TA-Lib HT_TRENDLINE, John Ehlers): the price averaged over the
/// dominant cycle, then smoothed 4-3-2-1. First value at index 63.
/// </summary>
public static class HtTrendline
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
            output[i] = calc.Trendline;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ht_trendline",
        TaLibFunction = "HT_TRENDLINE",
        Group = IndicatorGroup.Overlap,
        Title = "Hilbert Transform - Instantaneous Trendline",
        Description = "Price averaged over the Hilbert-measured dominant cycle and smoothed 4-3-2-1, which removes the cycle and leaves the trend (John Ehlers, as in TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Outputs = [new OutputSpec("value", "The trendline.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, o.Out0),
        CreateStateUnchecked = _ => new HtTrendlineState(),
    };

    /// <summary>One bar of HT_TRENDLINE (shared by the batch kernel and the streaming state).</summary>
    internal struct Calculator
    {
        private HilbertTransform _ht;
        private InstantaneousTrendline _trendline;

        public Calculator()
        {
            _ht = new HilbertTransform(HilbertTransform.LongWarmUp);
        }

        public double Trendline { get; private set; }

        public void Step(double price)
        {
            _trendline.Record(price);
            if (_ht.Step(price))
            {
                Trendline = _trendline.Update(_ht.SmoothPeriod);
            }
        }
    }
}

/// <summary>Streaming HT_TRENDLINE; equals <see cref="HtTrendline.Compute"/> bit for bit.</summary>
public sealed class HtTrendlineState : IIndicatorState
{
    private HtTrendline.Calculator _calc = new();
    private int _count;

    public int WarmUpPeriod => HtTrendline.Lookback() + 1;

    public bool IsReady => _count > HtTrendline.Lookback();

    public double Update(double value)
    {
        _calc.Step(value);
        return _count++ < HtTrendline.Lookback() ? double.NaN : _calc.Trendline;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _calc = new HtTrendline.Calculator();
        _count = 0;
    }
}
