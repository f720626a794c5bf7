using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Moving Average Convergence/Divergence (TA-Lib MACD, Gerald Appel): macd = EMA(fast) - EMA(slow), signal =
/// EMA(signal) of macd, hist = macd - signal. Like TA-Lib, the fast EMA is seeded on the `fast` bars that end where
/// the slow EMA's seed ends, so all three outputs start at index (slow - 1) + (signal - 1): 33 for 12/26/9.
/// </summary>
public static class Macd
{
    /// <summary>TA-Lib swaps the periods when slow is shorter than fast; so do we.</summary>
    public static int Lookback(int fastPeriod, int slowPeriod, int signalPeriod) =>
        Ema.Lookback(Math.Max(fastPeriod, slowPeriod)) + MovingAverage.Lookback(signalPeriod, MaType.Ema);

    public static void Compute(
        ReadOnlySpan<double> input, int fastPeriod, int slowPeriod, int signalPeriod, Span<double> macd, Span<double> signal, Span<double> hist)
    {
        if (slowPeriod < fastPeriod)
        {
            (fastPeriod, slowPeriod) = (slowPeriod, fastPeriod);
        }

        Compute(input, fastPeriod, Ema.K(fastPeriod), slowPeriod, Ema.K(slowPeriod), signalPeriod, macd, signal, hist);
    }

    /// <summary>TA-Lib's INT_MACD: EMA periods set the seeds, the explicit factors the smoothing (MACDFIX uses 0.15/0.075).</summary>
    internal static void Compute(
        ReadOnlySpan<double> input,
        int fastPeriod,
        double fastK,
        int slowPeriod,
        double slowK,
        int signalPeriod,
        Span<double> macd,
        Span<double> signal,
        Span<double> hist)
    {
        var n = input.Length;
        var slowLookback = Ema.Lookback(slowPeriod);
        var lookback = slowLookback + MovingAverage.Lookback(signalPeriod, MaType.Ema);
        if (n <= lookback)
        {
            macd[..n].Fill(double.NaN);
            signal[..n].Fill(double.NaN);
            hist[..n].Fill(double.NaN);
            return;
        }

        // One pass for both EMAs (two independent dependency chains run side by side), then one for signal and hist.
        // Each line keeps Ema.Compute's arithmetic: seed = SMA of its first `period` values, then ((x - e) * k) + e.
        var fastStart = slowLookback - Ema.Lookback(fastPeriod);
        var slowSum = 0.0;
        for (var i = 0; i < slowPeriod; i++)
        {
            slowSum += input[i];
        }

        var fastSum = 0.0;
        for (var i = fastStart; i <= slowLookback; i++)
        {
            fastSum += input[i];
        }

        var slow = slowSum / slowPeriod;
        var fast = fastSum / fastPeriod;
        macd[slowLookback] = fast - slow;
        for (var i = slowLookback + 1; i < n; i++)
        {
            var x = input[i];
            slow = ((x - slow) * slowK) + slow;
            fast = ((x - fast) * fastK) + fast;
            macd[i] = fast - slow;
        }

        // Signal period 1 is the macd line itself, as MA period 1 is everywhere in TA-Lib (its own INT_MACD
        // misreads its buffers there, since its EMA lookback rejects period 1).
        if (signalPeriod == 1)
        {
            for (var i = lookback; i < n; i++)
            {
                signal[i] = macd[i];
                hist[i] = macd[i] - macd[i];
            }
        }
        else
        {
            var signalSum = 0.0;
            for (var i = slowLookback; i <= lookback; i++)
            {
                signalSum += macd[i];
            }

            var signalK = Ema.K(signalPeriod);
            var line = signalSum / signalPeriod;
            signal[lookback] = line;
            hist[lookback] = macd[lookback] - line;
            for (var i = lookback + 1; i < n; i++)
            {
                var m = macd[i];
                line = ((m - line) * signalK) + line;
                signal[i] = line;
                hist[i] = m - line;
            }
        }

        macd[..lookback].Fill(double.NaN);
        signal[..lookback].Fill(double.NaN);
        hist[..lookback].Fill(double.NaN);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "macd",
        TaLibFunction = "MACD",
        Group = IndicatorGroup.Momentum,
        Title = "Moving Average Convergence/Divergence",
        Description = "Trend momentum as the gap between a fast and a slow EMA, with an EMA signal line and their difference "
            + "(Gerald Appel; TA-Lib MACD, whose fast EMA seed is aligned to the slow one so all outputs start together).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(12, name: "fast_period", description: "Bars in the fast EMA."),
            ParameterSpec.Period(26, name: "slow_period", description: "Bars in the slow EMA."),
            ParameterSpec.Period(9, min: 1, name: "signal_period", description: "Bars in the signal-line EMA."),
        ],
        Outputs =
        [
            new OutputSpec("macd", "Fast EMA - slow EMA."),
            new OutputSpec("signal", "EMA of macd."),
            new OutputSpec("hist", "macd - signal."),
        ],
        Lookback = p => Lookback((int)p[0], (int)p[1], (int)p[2]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, (int)p[0], (int)p[1], (int)p[2], o.Out0, o.Out1, o.Out2),
        CreateStateUnchecked = p => new MacdState((int)p[0], (int)p[1], (int)p[2]),
    };
}

/// <summary>Streaming MACD; equals <see cref="Macd.Compute(ReadOnlySpan{double}, int, int, int, Span{double}, Span{double}, Span{double})"/> bit for bit.</summary>
public sealed class MacdState : IIndicatorState
{
    private readonly EmaState _fast;
    private readonly EmaState _slow;
    private readonly IMovingAverageState _signal;
    private readonly int _fastStart;
    private readonly int _slowLookback;
    private readonly int _lookback;
    private int _bars;

    public MacdState(int fastPeriod, int slowPeriod, int signalPeriod)
        : this(Math.Min(fastPeriod, slowPeriod), Ema.K(Math.Min(fastPeriod, slowPeriod)), Math.Max(fastPeriod, slowPeriod), Ema.K(Math.Max(fastPeriod, slowPeriod)), signalPeriod)
    {
    }

    internal MacdState(int fastPeriod, double fastK, int slowPeriod, double slowK, int signalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(slowPeriod, fastPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        _fast = new EmaState(fastPeriod, fastK);
        _slow = new EmaState(slowPeriod, slowK);
        _signal = MovingAverage.CreateState(signalPeriod, MaType.Ema);
        _slowLookback = Ema.Lookback(slowPeriod);
        _fastStart = _slowLookback - Ema.Lookback(fastPeriod);
        _lookback = _slowLookback + MovingAverage.Lookback(signalPeriod, MaType.Ema);
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

        var slow = _slow.Update(value);
        if (bar < _fastStart)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var fast = _fast.Update(value);
        if (bar < _slowLookback)
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
