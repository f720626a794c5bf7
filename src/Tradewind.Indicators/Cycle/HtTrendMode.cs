namespace Tradewind.Indicators.Cycle;

/// <summary>
/// Hilbert Transform - Trend vs Cycle Mode (TA-Lib HT_TRENDMODE, John Ehlers): 1 while the market trends, 0 while it
/// cycles. First value at index 63.
/// </summary>
public static class HtTrendMode
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
            output[i] = calc.Trend;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ht_trendmode",
        TaLibFunction = "HT_TRENDMODE",
        Group = IndicatorGroup.Cycle,
        Title = "Hilbert Transform - Trend vs Cycle Mode",
        Description = "1 when the market trends, 0 when it cycles: decided from sine/lead-sine crossings, the phase rate and the distance of price from the instantaneous trendline (John Ehlers, as in TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Outputs = [new OutputSpec("value", "1 in trend mode, 0 in cycle mode.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, o.Out0),
        CreateStateUnchecked = _ => new HtTrendModeState(),
    };

    /// <summary>One bar of HT_TRENDMODE (shared by the batch kernel and the streaming state).</summary>
    internal struct Calculator
    {
        private HilbertTransform _ht;
        private DominantCyclePhase _phase;
        private InstantaneousTrendline _trendline;
        private double _sine;
        private double _leadSine;
        private int _daysInTrend;

        public Calculator()
        {
            _ht = new HilbertTransform(HilbertTransform.LongWarmUp);
        }

        public double Trend { get; private set; }

        public void Step(double price)
        {
            _trendline.Record(price);
            if (!_ht.Step(price))
            {
                return;
            }

            var smoothPeriod = _ht.SmoothPeriod;
            var prevPhase = _phase.Phase;
            var phase = _phase.Update(_ht.SmoothedPrice, smoothPeriod);
            var prevSine = _sine;
            var prevLeadSine = _leadSine;
            (_sine, _leadSine) = HtSine.Sines(phase);
            var trendline = _trendline.Update(smoothPeriod);

            var trend = 1;

            // A sine / lead-sine crossing starts a new cycle.
            if ((_sine > _leadSine && prevSine <= prevLeadSine) || (_sine < _leadSine && prevSine >= prevLeadSine))
            {
                _daysInTrend = 0;
                trend = 0;
            }

            _daysInTrend++;
            if (_daysInTrend < 0.5 * smoothPeriod)
            {
                trend = 0;
            }

            // A phase advancing at about the cycle's rate means the market is cycling.
            var phaseChange = phase - prevPhase;
            if (smoothPeriod != 0.0 && phaseChange > 0.67 * 360.0 / smoothPeriod && phaseChange < 1.5 * 360.0 / smoothPeriod)
            {
                trend = 0;
            }

            // Price 1.5% or more away from the trendline is a trend whatever the cycle says.
            if (trendline != 0.0 && Math.Abs((_ht.SmoothedPrice - trendline) / trendline) >= 0.015)
            {
                trend = 1;
            }

            Trend = trend;
        }
    }
}

/// <summary>Streaming HT_TRENDMODE; equals <see cref="HtTrendMode.Compute"/> bit for bit.</summary>
public sealed class HtTrendModeState : IIndicatorState
{
    private HtTrendMode.Calculator _calc = new();
    private int _count;

    public int WarmUpPeriod => HtTrendMode.Lookback() + 1;

    public bool IsReady => _count > HtTrendMode.Lookback();

    public double Update(double value)
    {
        _calc.Step(value);
        return _count++ < HtTrendMode.Lookback() ? double.NaN : _calc.Trend;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _calc = new HtTrendMode.Calculator();
        _count = 0;
    }
}
