using System.Buffers;
using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Stochastic RSI (TA-Lib STOCHRSI, Tushar Chande and Stanley Kroll 1994): the fast stochastic (STOCHF) applied to
/// RSI, with RSI as high, low and close. First value at period + (fastk_period - 1) + the d average's lookback.
/// </summary>
public static class StochRsi
{
    public static int Lookback(int period, int fastKPeriod, int fastDPeriod, MaType fastDType) =>
        Rsi.Lookback(period) + StochF.Lookback(fastKPeriod, fastDPeriod, fastDType);

    public static void Compute(
        ReadOnlySpan<double> input,
        int period,
        int fastKPeriod,
        int fastDPeriod,
        MaType fastDType,
        Span<double> k,
        Span<double> d)
    {
        var n = input.Length;
        var rsiLookback = Rsi.Lookback(period);
        if (n <= Lookback(period, fastKPeriod, fastDPeriod, fastDType))
        {
            k[..n].Fill(double.NaN);
            d[..n].Fill(double.NaN);
            return;
        }

        var rented = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var rsi = rented.AsSpan(0, n);
            Rsi.Compute(input, period, rsi);
            var valid = rsi[rsiLookback..];
            StochF.Compute(valid, valid, valid, fastKPeriod, fastDPeriod, fastDType, k[rsiLookback..], d[rsiLookback..]);
            k[..rsiLookback].Fill(double.NaN);
            d[..rsiLookback].Fill(double.NaN);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "stochrsi",
        Aliases = ["stoch_rsi"],
        TaLibFunction = "STOCHRSI",
        Group = IndicatorGroup.Momentum,
        Title = "Stochastic Relative Strength Index",
        Description = "Where RSI sits in its own recent range, 0-100: the fast stochastic of RSI, k and a moving average d "
            + "(Tushar Chande and Stanley Kroll, 1994; TA-Lib STOCHRSI).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(14, description: "Bars in the RSI."),
            ParameterSpec.Period(5, min: 1, name: "fastk_period", description: "Bars in the RSI range for %K."),
            ParameterSpec.Period(3, min: 1, name: "fastd_period", description: "Bars in the %D average."),
            ParameterSpec.MovingAverage("fastd_ma_type"),
        ],
        Outputs =
        [
            new OutputSpec("k", "%K of RSI, 0 to 100."),
            new OutputSpec("d", "%D: the average of k."),
        ],
        Lookback = p => Lookback((int)p[0], (int)p[1], (int)p[2], (MaType)(int)p[3]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, (int)p[0], (int)p[1], (int)p[2], (MaType)(int)p[3], o.Out0, o.Out1),
        CreateStateUnchecked = p => new StochRsiState((int)p[0], (int)p[1], (int)p[2], (MaType)(int)p[3]),
    };
}

/// <summary>Streaming STOCHRSI; equals <see cref="StochRsi.Compute"/> bit for bit.</summary>
public sealed class StochRsiState : IIndicatorState
{
    private readonly RsiState _rsi;
    private readonly StochFState _stochastic;

    public StochRsiState(int period, int fastKPeriod, int fastDPeriod, MaType fastDType)
    {
        _rsi = new RsiState(period);
        _stochastic = new StochFState(fastKPeriod, fastDPeriod, fastDType);
    }

    public int WarmUpPeriod => _rsi.WarmUpPeriod + _stochastic.WarmUpPeriod - 1;

    public bool IsReady => _stochastic.IsReady;

    public (double K, double D) Update(double value)
    {
        var rsi = _rsi.Update(value);
        return _rsi.IsReady ? _stochastic.Update(rsi, rsi, rsi) : (double.NaN, double.NaN);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        var (k, d) = Update(inputs[0]);
        outputs[0] = k;
        outputs[1] = d;
    }

    public void Reset()
    {
        _rsi.Reset();
        _stochastic.Reset();
    }
}
