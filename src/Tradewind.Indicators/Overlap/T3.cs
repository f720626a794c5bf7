namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Tillson's T3 (TA-Lib T3; Tim Tillson, "Smoothing Techniques for More Accurate Signals", Technical Analysis of Stocks &amp; Commodities, January 1998):
/// six cascaded EMAs combined with coefficients from the volume factor. First value at index 6 x (period-1).
/// </summary>
public static class T3
{
    public const double DefaultVolumeFactor = 0.7;

    public static int Lookback(int period) => 6 * (period - 1);

    public static void Compute(ReadOnlySpan<double> input, int period, double volumeFactor, Span<double> output)
    {
        var cascade = new Cascade(period, volumeFactor);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = cascade.Next(input[i]);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "t3",
        TaLibFunction = "T3",
        Group = IndicatorGroup.Overlap,
        Title = "T3 Moving Average",
        Description = "Tillson's T3: a generalized DEMA applied three times, GD(GD(GD(source))) with GD = EMA x (1 + v) - EMA(EMA) x v "
            + "(Tim Tillson, Stocks & Commodities 1998; TA-Lib T3).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(5),
            ParameterSpec.Real("vfactor", DefaultVolumeFactor, 0, 1, "Volume factor v: 0 gives a triple EMA, 1 the most aggressive lag reduction."),
        ],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], p[1], o.Out0),
        CreateStateUnchecked = p => new T3State((int)p[0], p[1]),
    };

    /// <summary>The six EMAs and the output coefficients; shared by the batch kernel and the state.</summary>
    internal struct Cascade
    {
        private readonly double _c1;
        private readonly double _c2;
        private readonly double _c3;
        private readonly double _c4;
        private EmaStage _e1;
        private EmaStage _e2;
        private EmaStage _e3;
        private EmaStage _e4;
        private EmaStage _e5;
        private EmaStage _e6;

        public Cascade(int period, double volumeFactor)
        {
            _e1 = new EmaStage(period);
            _e2 = new EmaStage(period);
            _e3 = new EmaStage(period);
            _e4 = new EmaStage(period);
            _e5 = new EmaStage(period);
            _e6 = new EmaStage(period);

            // ta_T3.c's expansion of GD(GD(GD(x))) into four coefficients.
            var v = volumeFactor;
            var v2 = v * v;
            _c1 = -(v2 * v);
            _c2 = 3.0 * (v2 - _c1);
            _c3 = (-6.0 * v2) - (3.0 * (v - _c1));
            _c4 = 1.0 + (3.0 * v) - _c1 + (3.0 * v2);
        }

        public readonly bool IsReady => _e6.IsReady;

        public double Next(double x) =>
            _e1.PushT3(x) && _e2.PushT3(_e1.Value) && _e3.PushT3(_e2.Value) && _e4.PushT3(_e3.Value) && _e5.PushT3(_e4.Value) && _e6.PushT3(_e5.Value)
                ? (_c1 * _e6.Value) + (_c2 * _e5.Value) + (_c3 * _e4.Value) + (_c4 * _e3.Value)
                : double.NaN;

        public void Reset()
        {
            _e1.Reset();
            _e2.Reset();
            _e3.Reset();
            _e4.Reset();
            _e5.Reset();
            _e6.Reset();
        }
    }
}

/// <summary>Streaming T3; equals <see cref="T3.Compute"/> bit for bit.</summary>
public sealed class T3State : IIndicatorState, IMovingAverageState
{
    private readonly int _period;
    private T3.Cascade _cascade;

    public T3State(int period, double volumeFactor = T3.DefaultVolumeFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _cascade = new T3.Cascade(period, volumeFactor);
    }

    public int WarmUpPeriod => T3.Lookback(_period) + 1;

    public bool IsReady => _cascade.IsReady;

    public double Update(double value) => _cascade.Next(value);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _cascade.Reset();
}
