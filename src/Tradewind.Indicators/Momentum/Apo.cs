using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Absolute Price Oscillator (TA-Lib APO): fast MA - slow MA, both of the chosen type and both started at the first
/// bar. First value at the slow average's lookback.
/// </summary>
public static class Apo
{
    public static int Lookback(int fastPeriod, int slowPeriod, MaType type) => PriceOscillator.Lookback(fastPeriod, slowPeriod, type);

    public static void Compute(ReadOnlySpan<double> input, int fastPeriod, int slowPeriod, MaType type, Span<double> output) =>
        PriceOscillator.Compute<AbsoluteOscillatorFormula>(input, fastPeriod, slowPeriod, type, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "apo",
        TaLibFunction = "APO",
        Group = IndicatorGroup.Momentum,
        Title = "Absolute Price Oscillator",
        Description = "Gap between a fast and a slow moving average of the same type, in price units: fast - slow (TA-Lib APO; SMA by default, as in TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(12, name: "fast_period", description: "Bars in the fast average."),
            ParameterSpec.Period(26, name: "slow_period", description: "Bars in the slow average."),
            ParameterSpec.MovingAverage(),
        ],
        Outputs = [new OutputSpec("value", "Fast average - slow average.")],
        Lookback = p => Lookback((int)p[0], (int)p[1], (MaType)(int)p[2]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, (int)p[0], (int)p[1], (MaType)(int)p[2], o.Out0),
        CreateStateUnchecked = p => new ApoState((int)p[0], (int)p[1], (MaType)(int)p[2]),
    };
}

/// <summary>Streaming APO; equals <see cref="Apo.Compute"/> bit for bit.</summary>
public sealed class ApoState(int fastPeriod, int slowPeriod, MaType type) : IIndicatorState
{
    private readonly PriceOscillatorState<AbsoluteOscillatorFormula> _inner = new(fastPeriod, slowPeriod, type);

    public int WarmUpPeriod => _inner.Lookback + 1;

    public bool IsReady => _inner.IsReady;

    public double Update(double value) => _inner.Update(value);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = _inner.Update(inputs[0]);

    public void Reset() => _inner.Reset();
}
