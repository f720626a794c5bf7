namespace Tradewind.Indicators.Cycle;

/// <summary>
/// MESA Adaptive Moving Average (TA-Lib MAMA, John Ehlers): an EMA whose factor follows the rate of change of the
/// Hilbert phase, between <c>slow_limit</c> and <c>fast_limit</c>; FAMA follows MAMA at half the factor.
/// First value at index 32.
/// </summary>
public static class Mama
{
    public const double DefaultFastLimit = 0.5;
    public const double DefaultSlowLimit = 0.05;

    public static int Lookback() => 32;

    /// <summary>
    /// Batch MAMA and FAMA. <paramref name="fama"/> may be empty when only MAMA is wanted (TA-Lib's MA with the MAMA
    /// type uses MAMA alone, with the default limits).
    /// </summary>
    public static void Compute(ReadOnlySpan<double> input, double fastLimit, double slowLimit, Span<double> mama, Span<double> fama)
    {
        var n = input.Length;
        var warm = Math.Min(Lookback(), n);
        mama[..warm].Fill(double.NaN);
        var calc = new Calculator(fastLimit, slowLimit);
        for (var i = 0; i < warm; i++)
        {
            calc.Step(input[i]);
        }

        if (fama.IsEmpty)
        {
            for (var i = warm; i < n; i++)
            {
                calc.Step(input[i]);
                mama[i] = calc.Mama;
            }

            return;
        }

        fama[..warm].Fill(double.NaN);
        for (var i = warm; i < n; i++)
        {
            calc.Step(input[i]);
            mama[i] = calc.Mama;
            fama[i] = calc.Fama;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "mama",
        TaLibFunction = "MAMA",
        Group = IndicatorGroup.Overlap,
        Title = "MESA Adaptive Moving Average",
        Description = "Exponential average whose smoothing factor adapts to the rate of change of the Hilbert-transform phase, with a following average (FAMA) at half the factor (John Ehlers, as in TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Real("fast_limit", DefaultFastLimit, 0.01, 0.99, "Largest smoothing factor (used when the phase changes slowly)."),
            ParameterSpec.Real("slow_limit", DefaultSlowLimit, 0.01, 0.99, "Smallest smoothing factor."),
        ],
        Outputs = [new OutputSpec("mama", "MESA adaptive moving average."), new OutputSpec("fama", "Following adaptive moving average.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, p[0], p[1], o.Out0, o.Out1),
        CreateStateUnchecked = p => new MamaState(p[0], p[1]),
    };

    /// <summary>One bar of MAMA (shared by the batch kernel and the streaming state).</summary>
    internal struct Calculator
    {
        private readonly double _fastLimit;
        private readonly double _slowLimit;
        private HilbertTransform _ht;
        private double _prevPhase;

        public Calculator(double fastLimit, double slowLimit)
        {
            _fastLimit = fastLimit;
            _slowLimit = slowLimit;
            _ht = new HilbertTransform(HilbertTransform.ShortWarmUp);
        }

        public double Mama { get; private set; }

        public double Fama { get; private set; }

        public void Step(double price)
        {
            if (!_ht.Step(price))
            {
                return;
            }

            var inPhase = _ht.InPhase;
            var phase = inPhase != 0.0 ? Math.Atan(_ht.Quadrature / inPhase) * HilbertTransform.Rad2Deg : 0.0;
            var deltaPhase = _prevPhase - phase;
            _prevPhase = phase;
            if (deltaPhase < 1.0)
            {
                deltaPhase = 1.0;
            }

            double alpha;
            if (deltaPhase > 1.0)
            {
                alpha = _fastLimit / deltaPhase;
                if (alpha < _slowLimit)
                {
                    alpha = _slowLimit;
                }
            }
            else
            {
                alpha = _fastLimit;
            }

            Mama = (alpha * price) + ((1 - alpha) * Mama);
            alpha *= 0.5;
            Fama = (alpha * Mama) + ((1 - alpha) * Fama);
        }
    }
}

/// <summary>Streaming MAMA; equals <see cref="Mama.Compute"/> bit for bit.</summary>
public sealed class MamaState : IIndicatorState
{
    private readonly double _fastLimit;
    private readonly double _slowLimit;
    private Mama.Calculator _calc;
    private int _count;

    public MamaState(double fastLimit = Mama.DefaultFastLimit, double slowLimit = Mama.DefaultSlowLimit)
    {
        _fastLimit = fastLimit;
        _slowLimit = slowLimit;
        _calc = new Mama.Calculator(fastLimit, slowLimit);
    }

    public int WarmUpPeriod => Mama.Lookback() + 1;

    public bool IsReady => _count > Mama.Lookback();

    public (double Mama, double Fama) Update(double value)
    {
        _calc.Step(value);
        return _count++ < Mama.Lookback() ? (double.NaN, double.NaN) : (_calc.Mama, _calc.Fama);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        var (mama, fama) = Update(inputs[0]);
        outputs[0] = mama;
        outputs[1] = fama;
    }

    public void Reset()
    {
        _calc = new Mama.Calculator(_fastLimit, _slowLimit);
        _count = 0;
    }
}
