using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Elder-ray index (Alexander Elder): bull power = high - EMA(close, period), bear power = low - EMA(close, period),
/// with TA-Lib's SMA-seeded EMA. First value at index period-1.
/// </summary>
public static class ElderRay
{
    public static int Lookback(int period) => Ema.Lookback(period);

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        Span<double> bull,
        Span<double> bear)
    {
        // The EMA goes into `bear` first, then both powers are taken from it in place.
        Ema.Compute(close, period, bear);
        var n = close.Length;
        for (var i = Lookback(period); i < n; i++)
        {
            var ema = bear[i];
            bull[i] = high[i] - ema;
            bear[i] = low[i] - ema;
        }

        bull[..Math.Min(Lookback(period), n)].Fill(double.NaN);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "elder_ray",
        Aliases = ["elderray", "eri"],
        Reference = "TA-Lib EMA (talib@1.1.6) subtracted from high and low; trading-signals 8.3.0 ElderRay after its seed has decayed",
        Group = IndicatorGroup.Crypto,
        Title = "Elder-Ray Index",
        Description = "Alexander Elder's bull and bear power: high - EMA(close, period) and low - EMA(close, period), with "
            + "the EMA seeded by an SMA (TA-Lib).",
        Inputs =
        [
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
        ],
        Parameters = [ParameterSpec.Period(13)],
        Outputs =
        [
            new OutputSpec("bull", "Bull power: high - EMA."),
            new OutputSpec("bear", "Bear power: low - EMA."),
        ],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0, o.Out1),
        CreateStateUnchecked = p => new ElderRayState((int)p[0]),
    };
}

/// <summary>Streaming Elder-ray; equals <see cref="ElderRay.Compute"/> bit for bit.</summary>
public sealed class ElderRayState : IIndicatorState
{
    private readonly EmaState _ema;
    private readonly int _period;

    public ElderRayState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _ema = new EmaState(period);
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _ema.IsReady;

    public (double Bull, double Bear) Update(double high, double low, double close)
    {
        var ema = _ema.Update(close);
        return (high - ema, low - ema);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) =>
        (outputs[0], outputs[1]) = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => _ema.Reset();
}
