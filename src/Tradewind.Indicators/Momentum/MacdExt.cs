using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// MACD with a chosen moving-average type for each line (TA-Lib MACDEXT). As in TA-Lib, the fast and slow averages
/// are started so that both produce their first value on the same bar (the larger of their lookbacks), and the
/// signal average runs over macd from there. All outputs start at max(fast, slow lookback) + signal lookback.
/// </summary>
public static class MacdExt
{
    public static int Lookback(int fastPeriod, MaType fastType, int slowPeriod, MaType slowType, int signalPeriod, MaType signalType) =>
        Math.Max(MovingAverage.Lookback(fastPeriod, fastType), MovingAverage.Lookback(slowPeriod, slowType))
        + MovingAverage.Lookback(signalPeriod, signalType);

    public static void Compute(
        ReadOnlySpan<double> input,
        int fastPeriod,
        MaType fastType,
        int slowPeriod,
        MaType slowType,
        int signalPeriod,
        MaType signalType,
        Span<double> macd,
        Span<double> signal,
        Span<double> hist)
    {
        if (slowPeriod < fastPeriod)
        {
            (fastPeriod, slowPeriod) = (slowPeriod, fastPeriod);
            (fastType, slowType) = (slowType, fastType);
        }

        var n = input.Length;
        var fastLookback = MovingAverage.Lookback(fastPeriod, fastType);
        var slowLookback = MovingAverage.Lookback(slowPeriod, slowType);
        var lineStart = Math.Max(fastLookback, slowLookback);
        var lookback = lineStart + MovingAverage.Lookback(signalPeriod, signalType);
        if (n <= lookback)
        {
            macd[..n].Fill(double.NaN);
            signal[..n].Fill(double.NaN);
            hist[..n].Fill(double.NaN);
            return;
        }

        // Starting each average `lookback` bars before lineStart is what TA-Lib's MA(startIdx = lineStart) does;
        // it changes the seed of recursive averages (EMA and the like), not just where output begins.
        var slowStart = lineStart - slowLookback;
        MovingAverage.Compute(input[slowStart..], slowPeriod, slowType, signal[slowStart..]);
        var fastStart = lineStart - fastLookback;
        MovingAverage.Compute(input[fastStart..], fastPeriod, fastType, macd[fastStart..]);
        for (var i = lineStart; i < n; i++)
        {
            macd[i] -= signal[i];
        }

        MovingAverage.Compute(macd[lineStart..], signalPeriod, signalType, signal[lineStart..]);
        for (var i = lookback; i < n; i++)
        {
            hist[i] = macd[i] - signal[i];
        }

        macd[..lookback].Fill(double.NaN);
        signal[..lookback].Fill(double.NaN);
        hist[..lookback].Fill(double.NaN);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "macdext",
        TaLibFunction = "MACDEXT",
        Group = IndicatorGroup.Momentum,
        Title = "MACD with Controllable MA Types",
        Description = "MACD (fast average - slow average, a signal average of it, and their difference) where each of the "
            + "three averages can be any moving-average type (Gerald Appel's MACD generalised; TA-Lib MACDEXT).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(12, name: "fast_period", description: "Bars in the fast average."),
            ParameterSpec.MovingAverage("fast_ma_type"),
            ParameterSpec.Period(26, name: "slow_period", description: "Bars in the slow average."),
            ParameterSpec.MovingAverage("slow_ma_type"),
            ParameterSpec.Period(9, min: 1, name: "signal_period", description: "Bars in the signal-line average."),
            ParameterSpec.MovingAverage("signal_ma_type"),
        ],
        Outputs =
        [
            new OutputSpec("macd", "Fast average - slow average."),
            new OutputSpec("signal", "Average of macd."),
            new OutputSpec("hist", "macd - signal."),
        ],
        Lookback = p => Lookback((int)p[0], (MaType)(int)p[1], (int)p[2], (MaType)(int)p[3], (int)p[4], (MaType)(int)p[5]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, (int)p[0], (MaType)(int)p[1], (int)p[2], (MaType)(int)p[3], (int)p[4], (MaType)(int)p[5], o.Out0, o.Out1, o.Out2),
        CreateStateUnchecked = p => new MacdExtState((int)p[0], (MaType)(int)p[1], (int)p[2], (MaType)(int)p[3], (int)p[4], (MaType)(int)p[5]),
    };
}

/// <summary>Streaming MACDEXT; equals <see cref="MacdExt.Compute"/> bit for bit.</summary>
public sealed class MacdExtState : IIndicatorState
{
    private readonly IMovingAverageState _fast;
    private readonly IMovingAverageState _slow;
    private readonly IMovingAverageState _signal;
    private readonly int _fastStart;
    private readonly int _slowStart;
    private readonly int _lineStart;
    private readonly int _lookback;
    private int _bars;

    public MacdExtState(int fastPeriod, MaType fastType, int slowPeriod, MaType slowType, int signalPeriod, MaType signalType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slowPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        if (slowPeriod < fastPeriod)
        {
            (fastPeriod, slowPeriod) = (slowPeriod, fastPeriod);
            (fastType, slowType) = (slowType, fastType);
        }

        var fastLookback = MovingAverage.Lookback(fastPeriod, fastType);
        var slowLookback = MovingAverage.Lookback(slowPeriod, slowType);
        _lineStart = Math.Max(fastLookback, slowLookback);
        _fastStart = _lineStart - fastLookback;
        _slowStart = _lineStart - slowLookback;
        _lookback = _lineStart + MovingAverage.Lookback(signalPeriod, signalType);
        _fast = MovingAverage.CreateState(fastPeriod, fastType);
        _slow = MovingAverage.CreateState(slowPeriod, slowType);
        _signal = MovingAverage.CreateState(signalPeriod, signalType);
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _bars > _lookback;

    public (double Macd, double Signal, double Hist) Update(double value)
    {
        var bar = _bars;
        if (_bars <= _lookback)
        {
            _bars++;
        }

        var slow = bar >= _slowStart ? _slow.Update(value) : double.NaN;
        var fast = bar >= _fastStart ? _fast.Update(value) : double.NaN;
        if (bar < _lineStart)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var macd = fast - slow;
        var signal = _signal.Update(macd);
        return bar < _lookback ? (double.NaN, double.NaN, double.NaN) : (macd, signal, macd - signal);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        var (macd, signal, hist) = Update(inputs[0]);
        outputs[0] = macd;
        outputs[1] = signal;
        outputs[2] = hist;
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        _bars = 0;
    }
}
