using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Fast stochastic (TA-Lib STOCHF, George Lane): k = 100 * (close - lowest low) / (highest high - lowest low) over
/// `fastk_period` bars, d = moving average of k. Both start at (fastk_period - 1) + the d average's lookback.
/// </summary>
public static class StochF
{
    public static int Lookback(int fastKPeriod, int fastDPeriod, MaType fastDType) =>
        StochasticFastK.Lookback(fastKPeriod) + MovingAverage.Lookback(fastDPeriod, fastDType);

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int fastKPeriod,
        int fastDPeriod,
        MaType fastDType,
        Span<double> k,
        Span<double> d)
    {
        var n = close.Length;
        var kLookback = StochasticFastK.Lookback(fastKPeriod);
        var lookback = kLookback + MovingAverage.Lookback(fastDPeriod, fastDType);
        if (n <= lookback)
        {
            k[..n].Fill(double.NaN);
            d[..n].Fill(double.NaN);
            return;
        }

        StochasticFastK.Compute(high, low, close, fastKPeriod, k);
        MovingAverage.Compute(k[kLookback..], fastDPeriod, fastDType, d[kLookback..]);
        k[..lookback].Fill(double.NaN);
        d[..lookback].Fill(double.NaN);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "stochf",
        Aliases = ["stoch_fast"],
        TaLibFunction = "STOCHF",
        Group = IndicatorGroup.Momentum,
        Title = "Stochastic Fast",
        Description = "Where the close sits in the recent high-low range, 0-100: %K = 100 x (close - lowest low) / (highest high - lowest low), "
            + "%D = its moving average (George Lane; TA-Lib STOCHF).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters =
        [
            ParameterSpec.Period(5, min: 1, name: "fastk_period", description: "Bars in the high-low range for %K."),
            ParameterSpec.Period(3, min: 1, name: "fastd_period", description: "Bars in the %D average."),
            ParameterSpec.MovingAverage("fastd_ma_type"),
        ],
        Outputs =
        [
            new OutputSpec("k", "Fast %K, 0 to 100."),
            new OutputSpec("d", "Fast %D: the average of %K."),
        ],
        Lookback = p => Lookback((int)p[0], (int)p[1], (MaType)(int)p[2]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, i.In2, (int)p[0], (int)p[1], (MaType)(int)p[2], o.Out0, o.Out1),
        CreateStateUnchecked = p => new StochFState((int)p[0], (int)p[1], (MaType)(int)p[2]),
    };
}

/// <summary>Streaming STOCHF; equals <see cref="StochF.Compute"/> bit for bit.</summary>
public sealed class StochFState : IIndicatorState
{
    private readonly StochasticFastKState _k;
    private readonly IMovingAverageState _d;
    private readonly int _lookback;
    private int _bars;

    public StochFState(int fastKPeriod, int fastDPeriod, MaType fastDType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastDPeriod, 1);
        _k = new StochasticFastKState(fastKPeriod);
        _d = MovingAverage.CreateState(fastDPeriod, fastDType);
        _lookback = _k.Lookback + MovingAverage.Lookback(fastDPeriod, fastDType);
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

        var k = _k.Update(high, low, close);
        if (!_k.IsReady)
        {
            return (double.NaN, double.NaN);
        }

        var d = _d.Update(k);
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
        _k.Reset();
        _d.Reset();
        _bars = 0;
    }
}
