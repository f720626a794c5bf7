using Tradewind.Indicators.Overlap;
using Tradewind.Indicators.Volatility;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Keltner channel in Linda Raschke's form: EMA(close, period) middle line (TA-Lib's SMA-seeded EMA) with bands
/// multiplier x ATR(atr_period) (TA-Lib's Wilder ATR) above and below. First value where both exist.
/// </summary>
public static class Keltner
{
    public static int Lookback(int period, int atrPeriod) => Math.Max(Ema.Lookback(period), Atr.Lookback(atrPeriod));

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        double multiplier,
        int atrPeriod,
        Span<double> upper,
        Span<double> middle,
        Span<double> lower)
    {
        var n = close.Length;
        var lookback = Lookback(period, atrPeriod);
        Ema.Compute(close, period, middle);
        var atr = new AtrSmoothing(atrPeriod);
        for (var i = 0; i < n; i++)
        {
            var range = atr.Next(high[i], low[i], close[i]);
            if (i < lookback)
            {
                upper[i] = double.NaN;
                middle[i] = double.NaN;
                lower[i] = double.NaN;
                continue;
            }

            var offset = multiplier * range;
            upper[i] = middle[i] + offset;
            lower[i] = middle[i] - offset;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "keltner",
        Aliases = ["kc", "keltner_channel"],
        Reference = "technicalindicators 3.1.0 KeltnerChannels; Stock.Indicators Keltner (spy-1d)",
        Group = IndicatorGroup.Crypto,
        Title = "Keltner Channel",
        Description = "Volatility channel around an EMA: middle = EMA(close, period) seeded by an SMA, bands = middle +/- "
            + "multiplier x ATR(atr_period) with TA-Lib's Wilder ATR (Linda Raschke's Keltner channel, as Stock.Indicators).",
        Inputs =
        [
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
        ],
        Parameters =
        [
            ParameterSpec.Period(20, description: "EMA period of the middle line."),
            ParameterSpec.Real("multiplier", 2, 0, 100, "Band distance in ATRs."),
            ParameterSpec.Period(10, min: 1, name: "atr_period", description: "ATR period of the bands."),
        ],
        Outputs =
        [
            new OutputSpec("upper", "middle + multiplier x ATR."),
            new OutputSpec("middle", "EMA of the close."),
            new OutputSpec("lower", "middle - multiplier x ATR."),
        ],
        Lookback = p => Lookback((int)p[0], (int)p[2]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, i.In2, (int)p[0], p[1], (int)p[2], o.Out0, o.Out1, o.Out2),
        CreateStateUnchecked = p => new KeltnerState((int)p[0], p[1], (int)p[2]),
    };
}

/// <summary>Streaming Keltner channel; equals <see cref="Keltner.Compute"/> bit for bit.</summary>
public sealed class KeltnerState : IIndicatorState
{
    private readonly EmaState _ema;
    private readonly double _multiplier;
    private readonly int _atrPeriod;
    private readonly int _lookback;
    private AtrSmoothing _atr;
    private int _count;

    public KeltnerState(int period, double multiplier, int atrPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(atrPeriod, 1);
        _ema = new EmaState(period);
        _multiplier = multiplier;
        _atrPeriod = atrPeriod;
        _atr = new AtrSmoothing(atrPeriod);
        _lookback = Keltner.Lookback(period, atrPeriod);
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _count > _lookback;

    public (double Upper, double Middle, double Lower) Update(double high, double low, double close)
    {
        var middle = _ema.Update(close);
        var range = _atr.Next(high, low, close);
        if (_count < _lookback)
        {
            _count++;
            return (double.NaN, double.NaN, double.NaN);
        }

        _count = _lookback + 1;

        var offset = _multiplier * range;
        return (middle + offset, middle, middle - offset);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) =>
        (outputs[0], outputs[1], outputs[2]) = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        _ema.Reset();
        _atr = new AtrSmoothing(_atrPeriod);
        _count = 0;
    }
}
