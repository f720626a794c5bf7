namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Heikin-Ashi candles: close = (open+high+low+close)/4, open = average of the previous Heikin-Ashi open and close
/// (the first bar's is (open+close)/2), high/low = the extremes of the bar's high/low and the Heikin-Ashi open and
/// close. Every bar has a value.
/// </summary>
public static class HeikinAshi
{
    public static int Lookback() => 0;

    public static void Compute(
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> haOpen,
        Span<double> haHigh,
        Span<double> haLow,
        Span<double> haClose)
    {
        var core = default(HeikinAshiCore);
        for (var i = 0; i < close.Length; i++)
        {
            (haOpen[i], haHigh[i], haLow[i], haClose[i]) = core.Update(open[i], high[i], low[i], close[i]);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "heikin_ashi",
        Aliases = ["ha", "heikinashi"],
        Reference = "technicalindicators 3.1.0 HeikinAshi",
        Group = IndicatorGroup.Crypto,
        Title = "Heikin-Ashi",
        Description = "Smoothed candles: close = (open+high+low+close)/4; open = (previous HA open + previous HA close)/2, "
            + "starting from (open+close)/2; high = max(high, HA open, HA close); low = min(low, HA open, HA close), as "
            + "TradingView's Heikin-Ashi chart.",
        Inputs =
        [
            new InputSpec("open", InputKind.Open),
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
        ],
        Outputs =
        [
            new OutputSpec("open", "Heikin-Ashi open."),
            new OutputSpec("high", "Heikin-Ashi high."),
            new OutputSpec("low", "Heikin-Ashi low."),
            new OutputSpec("close", "Heikin-Ashi close."),
        ],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, i.In2, i.In3, o.Out0, o.Out1, o.Out2, o.Out3),
        CreateStateUnchecked = _ => new HeikinAshiState(),
    };
}

/// <summary>Streaming Heikin-Ashi; equals <see cref="HeikinAshi.Compute"/> bit for bit.</summary>
public sealed class HeikinAshiState : IIndicatorState
{
    private HeikinAshiCore _core;

    public int WarmUpPeriod => 1;

    public bool IsReady => _core.Started;

    public (double Open, double High, double Low, double Close) Update(double open, double high, double low, double close) =>
        _core.Update(open, high, low, close);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) =>
        (outputs[0], outputs[1], outputs[2], outputs[3]) = _core.Update(inputs[0], inputs[1], inputs[2], inputs[3]);

    public void Reset() => _core = default;
}

/// <summary>The previous Heikin-Ashi open and close, shared by the batch kernel and the streaming state.</summary>
internal struct HeikinAshiCore
{
    private double _open;
    private double _close;

    public bool Started { readonly get; private set; }

    public (double Open, double High, double Low, double Close) Update(double open, double high, double low, double close)
    {
        var haOpen = Started ? (_open + _close) / 2 : (open + close) / 2;
        var haClose = (open + high + low + close) / 4;
        Started = true;
        _open = haOpen;
        _close = haClose;
        return (haOpen, Math.Max(high, Math.Max(haOpen, haClose)), Math.Min(low, Math.Min(haOpen, haClose)), haClose);
    }
}
