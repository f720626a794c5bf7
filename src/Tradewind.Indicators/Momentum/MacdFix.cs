using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// MACD with TA-Lib's fixed 12/26 smoothing factors (TA-Lib MACDFIX): the EMAs use k = 0.15 and k = 0.075 rather
/// than 2/13 and 2/27, seeded over 12 and 26 bars like <see cref="Macd"/>. First value at index 25 + (signal - 1).
/// </summary>
public static class MacdFix
{
    private const int FastPeriod = 12;
    private const int SlowPeriod = 26;
    private const double FastK = 0.15;
    private const double SlowK = 0.075;

    public static int Lookback(int signalPeriod) => Ema.Lookback(SlowPeriod) + MovingAverage.Lookback(signalPeriod, MaType.Ema);

    public static void Compute(ReadOnlySpan<double> input, int signalPeriod, Span<double> macd, Span<double> signal, Span<double> hist) =>
        Macd.Compute(input, FastPeriod, FastK, SlowPeriod, SlowK, signalPeriod, macd, signal, hist);

    internal static MacdState CreateCore(int signalPeriod) => new(FastPeriod, FastK, SlowPeriod, SlowK, signalPeriod);

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "macdfix",
        TaLibFunction = "MACDFIX",
        Group = IndicatorGroup.Momentum,
        Title = "MACD Fix 12/26",
        Description = "MACD 12/26 with the classic fixed smoothing factors 0.15 and 0.075 instead of 2/(n+1), "
            + "and an EMA signal line of the chosen period (Gerald Appel; TA-Lib MACDFIX).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(9, min: 1, name: "signal_period", description: "Bars in the signal-line EMA.")],
        Outputs =
        [
            new OutputSpec("macd", "Fast EMA - slow EMA."),
            new OutputSpec("signal", "EMA of macd."),
            new OutputSpec("hist", "macd - signal."),
        ],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, (int)p[0], o.Out0, o.Out1, o.Out2),
        CreateStateUnchecked = p => new MacdFixState((int)p[0]),
    };
}

/// <summary>Streaming MACDFIX; equals <see cref="MacdFix.Compute"/> bit for bit.</summary>
public sealed class MacdFixState(int signalPeriod) : IIndicatorState
{
    private readonly MacdState _inner = MacdFix.CreateCore(signalPeriod);

    public int WarmUpPeriod => _inner.WarmUpPeriod;

    public bool IsReady => _inner.IsReady;

    public (double Macd, double Signal, double Hist) Update(double value) => _inner.Update(value);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => _inner.Update(time, inputs, outputs);

    public void Reset() => _inner.Reset();
}
