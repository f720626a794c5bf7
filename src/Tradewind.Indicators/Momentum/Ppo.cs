using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Percentage Price Oscillator (TA-Lib PPO): 100 * (fast MA - slow MA) / slow MA (0 when slow is near 0), both started at the first
/// bar. First value at the slow average's lookback.
/// </summary>
public static class Ppo
{
    public static int Lookback(int fastPeriod, int slowPeriod, MaType type) => PriceOscillator.Lookback(fastPeriod, slowPeriod, type);

    public static void Compute(ReadOnlySpan<double> input, int fastPeriod, int slowPeriod, MaType type, Span<double> output) =>
        PriceOscillator.Compute<PercentageOscillatorFormula>(input, fastPeriod, slowPeriod, type, output);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ppo",
        TaLibFunction = "PPO",
        Group = IndicatorGroup.Momentum,
        Title = "Percentage Price Oscillator",
        Description = "Gap between a fast and a slow moving average as a percentage of the slow one: 100 x (fast - slow) / slow (TA-Lib PPO; SMA by default, as in TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(12, name: "fast_period", description: "Bars in the fast average."),
            ParameterSpec.Period(26, name: "slow_period", description: "Bars in the slow average."),
            ParameterSpec.MovingAverage(),
        ],
        Outputs = [new OutputSpec("value", "Percent difference of the fast average from the slow one.")],
        Lookback = p => Lookback((int)p[0], (int)p[1], (MaType)(int)p[2]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, (int)p[0], (int)p[1], (MaType)(int)p[2], o.Out0),
        CreateStateUnchecked = p => new PpoState((int)p[0], (int)p[1], (MaType)(int)p[2]),
    };
}

/// <summary>Streaming PPO; equals <see cref="Ppo.Compute"/> bit for bit.</summary>
public sealed class PpoState(int fastPeriod, int slowPeriod, MaType type) : IIndicatorState
{
    private readonly PriceOscillatorState<PercentageOscillatorFormula> _inner = new(fastPeriod, slowPeriod, type);

    public int WarmUpPeriod => _inner.Lookback + 1;

    public bool IsReady => _inner.IsReady;

    public double Update(double value) => _inner.Update(value);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = _inner.Update(inputs[0]);

    public void Reset() => _inner.Reset();
}
