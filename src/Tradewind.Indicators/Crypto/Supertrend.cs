using Tradewind.Indicators.Volatility;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// SuperTrend (Olivier Seban) as TradingView's `ta.supertrend` computes it, over TA-Lib's ATR: bands at
/// hl2 +/- multiplier x ATR that only ratchet toward price, and a trend that flips when the close crosses the band.
/// First value at the ATR's first bar (index `period`).
/// </summary>
public static class Supertrend
{
    public static int Lookback(int period) => Atr.Lookback(period);

    /// <summary>
    /// Batch SuperTrend. <paramref name="value"/> is the active band (the lower one in an uptrend, the upper one in a
    /// downtrend); <paramref name="direction"/> is +1 in an uptrend and -1 in a downtrend.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        double multiplier,
        Span<double> value,
        Span<double> direction)
    {
        var core = new SupertrendCore(period, multiplier);
        for (var i = 0; i < close.Length; i++)
        {
            (value[i], direction[i]) = core.Update(high[i], low[i], close[i]);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "supertrend",
        Reference = "trading-signals 8.3.0 SuperTrend, fed so that its ATR is TA-Lib's",
        Group = IndicatorGroup.Crypto,
        Title = "SuperTrend",
        Description = "Trend-following stop line: bands at (high+low)/2 +/- multiplier x ATR(period) (TA-Lib's Wilder ATR) "
            + "that only tighten while the trend lasts; the trend turns up when the close rises above the upper band and "
            + "down when it falls below the lower band, and starts down, as TradingView's `ta.supertrend`. "
            + "`direction` is +1 up and -1 down (TradingView's sign is the opposite).",
        Inputs =
        [
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
        ],
        Parameters =
        [
            ParameterSpec.Period(10, min: 1, description: "ATR period."),
            ParameterSpec.Real("multiplier", 3, 0, 100, "Band distance in ATRs."),
        ],
        Outputs =
        [
            new OutputSpec("value", "The SuperTrend line: the lower band in an uptrend, the upper band in a downtrend."),
            new OutputSpec("direction", "+1 in an uptrend, -1 in a downtrend."),
        ],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, i.In2, (int)p[0], p[1], o.Out0, o.Out1),
        CreateStateUnchecked = p => new SupertrendState((int)p[0], p[1]),
    };
}

/// <summary>Streaming SuperTrend; equals <see cref="Supertrend.Compute"/> bit for bit.</summary>
public sealed class SupertrendState : IIndicatorState
{
    private readonly int _period;
    private readonly double _multiplier;
    private SupertrendCore _core;

    public SupertrendState(int period, double multiplier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _multiplier = multiplier;
        _core = new SupertrendCore(period, multiplier);
    }

    public int WarmUpPeriod => Supertrend.Lookback(_period) + 1;

    public bool IsReady => _core.IsReady;

    public (double Value, double Direction) Update(double high, double low, double close) => _core.Update(high, low, close);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) =>
        (outputs[0], outputs[1]) = _core.Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => _core = new SupertrendCore(_period, _multiplier);
}

/// <summary>The band ratchet and trend state, shared by the batch kernel and the streaming state.</summary>
internal struct SupertrendCore(int period, double multiplier)
{
    private AtrSmoothing _atr = new(period);
    private bool _started;
    private double _upper;
    private double _lower;
    private double _previousClose;
    private bool _up;

    public readonly bool IsReady => _started;

    public (double Value, double Direction) Update(double high, double low, double close)
    {
        var atr = _atr.Next(high, low, close);
        if (double.IsNaN(atr))
        {
            return (double.NaN, double.NaN);
        }

        var middle = (high + low) / 2;
        var upper = middle + (multiplier * atr);
        var lower = middle - (multiplier * atr);
        if (!_started)
        {
            // TradingView starts every SuperTrend in a downtrend, on the upper band.
            _started = true;
            _up = false;
        }
        else
        {
            if (!(upper < _upper || _previousClose > _upper))
            {
                upper = _upper;
            }

            if (!(lower > _lower || _previousClose < _lower))
            {
                lower = _lower;
            }

            _up = _up ? close >= lower : close > upper;
        }

        _upper = upper;
        _lower = lower;
        _previousClose = close;
        return _up ? (lower, 1) : (upper, -1);
    }
}
