using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Slow stochastic (TA-Lib STOCH, George Lane): fast %K over `fastk_period` bars, slowed by a moving average into
/// k, and d = moving average of k. First value at (fastk_period - 1) + both averages' lookbacks: 17 for 14/3/3 SMA.
/// </summary>
public static class Stoch
{
    public static int Lookback(int fastKPeriod, int slowKPeriod, MaType slowKType, int slowDPeriod, MaType slowDType) =>
        StochasticFastK.Lookback(fastKPeriod) + MovingAverage.Lookback(slowKPeriod, slowKType) + MovingAverage.Lookback(slowDPeriod, slowDType);

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int fastKPeriod,
        int slowKPeriod,
        MaType slowKType,
        int slowDPeriod,
        MaType slowDType,
        Span<double> k,
        Span<double> d)
    {
        var n = close.Length;
        var fastKLookback = StochasticFastK.Lookback(fastKPeriod);
        var slowKLookback = fastKLookback + MovingAverage.Lookback(slowKPeriod, slowKType);
        var lookback = slowKLookback + MovingAverage.Lookback(slowDPeriod, slowDType);
        if (n <= lookback)
        {
            k[..n].Fill(double.NaN);
            d[..n].Fill(double.NaN);
            return;
        }

        // d holds fast %K until the slow %D overwrites it; k receives slow %K.
        StochasticFastK.Compute(high, low, close, fastKPeriod, d);
        MovingAverage.Compute(d[fastKLookback..], slowKPeriod, slowKType, k[fastKLookback..]);
        MovingAverage.Compute(k[slowKLookback..], slowDPeriod, slowDType, d[slowKLookback..]);
        k[..lookback].Fill(double.NaN);
        d[..lookback].Fill(double.NaN);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "stoch",
        Aliases = ["stochastic", "stoch_slow"],
        TaLibFunction = "STOCH",
        Group = IndicatorGroup.Momentum,
        Title = "Stochastic (Slow)",
        Description = "Where the close sits in the recent high-low range, 0-100, smoothed: k = moving average of fast %K, "
            + "d = moving average of k (George Lane; TA-Lib STOCH, whose defaults are 5/3/3 with SMA).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters =
        [
            ParameterSpec.Period(5, min: 1, name: "fastk_period", description: "Bars in the high-low range for fast %K."),
            ParameterSpec.Period(3, min: 1, name: "slowk_period", description: "Bars in the average that slows %K."),
            ParameterSpec.MovingAverage("slowk_ma_type"),
            ParameterSpec.Period(3, min: 1, name: "slowd_period", description: "Bars in the %D average."),
            ParameterSpec.MovingAverage("slowd_ma_type"),
        ],
        Outputs =
        [
            new OutputSpec("k", "Slow %K, 0 to 100."),
            new OutputSpec("d", "Slow %D: the average of slow %K."),
        ],
        Lookback = p => Lookback((int)p[0], (int)p[1], (MaType)(int)p[2], (int)p[3], (MaType)(int)p[4]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, i.In2, (int)p[0], (int)p[1], (MaType)(int)p[2], (int)p[3], (MaType)(int)p[4], o.Out0, o.Out1),
        CreateStateUnchecked = p => new StochState((int)p[0], (int)p[1], (MaType)(int)p[2], (int)p[3], (MaType)(int)p[4]),
    };
}

/// <summary>Streaming STOCH; equals <see cref="Stoch.Compute"/> bit for bit.</summary>
public sealed class StochState : IIndicatorState
{
    private readonly StochasticFastKState _fastK;
    private readonly IMovingAverageState _slowK;
    private readonly IMovingAverageState _slowD;
    private readonly int _slowKLookback;
    private readonly int _lookback;
    private int _bars;

    public StochState(int fastKPeriod, int slowKPeriod, MaType slowKType, int slowDPeriod, MaType slowDType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slowKPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slowDPeriod, 1);
        _fastK = new StochasticFastKState(fastKPeriod);
        _slowK = MovingAverage.CreateState(slowKPeriod, slowKType);
        _slowD = MovingAverage.CreateState(slowDPeriod, slowDType);
        _slowKLookback = _fastK.Lookback + MovingAverage.Lookback(slowKPeriod, slowKType);
        _lookback = _slowKLookback + MovingAverage.Lookback(slowDPeriod, slowDType);
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _bars > _lookback;

    public (double K, double D) Update(double high, double low, double close)
    {
        var bar = _bars;
        if (_bars <= _lookback)
        {
            _bars++;
        }

        var fastK = _fastK.Update(high, low, close);
        if (!_fastK.IsReady)
        {
            return (double.NaN, double.NaN);
        }

        var k = _slowK.Update(fastK);
        if (bar < _slowKLookback)
        {
            return (double.NaN, double.NaN);
        }

        var d = _slowD.Update(k);
        return bar < _lookback ? (double.NaN, double.NaN) : (k, d);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        var (k, d) = Update(inputs[0], inputs[1], inputs[2]);
        outputs[0] = k;
        outputs[1] = d;
    }

    public void Reset()
    {
        _fastK.Reset();
        _slowK.Reset();
        _slowD.Reset();
        _bars = 0;
    }
}
