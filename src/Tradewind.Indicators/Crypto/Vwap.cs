using Tradewind.Core;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Session-anchored volume-weighted average price: sum(typical price x volume) / sum(volume) since the start of the
/// current session (UTC day by default, or Monday-based week, or calendar month), with typical price
/// (high+low+close)/3, as TradingView's VWAP. Needs the bar open times.
/// </summary>
public static class Vwap
{
    public static int Lookback() => 0;

    /// <summary>
    /// Batch VWAP. A bar whose session has traded no volume yet has no average price and gets NaN.
    /// </summary>
    public static void Compute(
        ReadOnlySpan<long> time,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume,
        SessionAnchor anchor,
        Span<double> output)
    {
        if (time.Length < close.Length)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"vwap needs the open time of every bar: got {time.Length} time(s) for {close.Length} bar(s).",
                "Pass the candle times (IndicatorInputs.Time); the DSL does this for you.");
        }

        var accumulator = new VwapAccumulator(anchor);
        for (var i = 0; i < close.Length; i++)
        {
            output[i] = accumulator.Update(time[i], high[i], low[i], close[i], volume[i]);
        }
    }

    internal static SessionAnchor ToAnchor(double parameter) => (SessionAnchor)(int)parameter;

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "vwap",
        Aliases = ["session_vwap"],
        Reference = "technicalindicators 3.1.0 VWAP and trading-signals 8.3.0 VWAP, each restarted at every session start",
        Group = IndicatorGroup.Crypto,
        Title = "Volume Weighted Average Price (session)",
        Description = "Average price weighted by volume since the session start: sum(typical price x volume) / sum(volume), "
            + "typical price = (high+low+close)/3, restarting at 00:00 UTC each day (`anchor` 0), each Monday (1) or on the "
            + "1st of each month (2), as TradingView's VWAP. A session with no volume yet gives `na`.",
        Inputs =
        [
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
            new InputSpec("volume", InputKind.Volume),
        ],
        Parameters = [new ParameterSpec("anchor", ParameterKind.Integer, 0, 0, 2, "Session start: 0 UTC day, 1 week (Monday 00:00 UTC), 2 month (1st, 00:00 UTC).")],
        Outputs = [new OutputSpec("value", "The session VWAP.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.Time, i.In0, i.In1, i.In2, i.In3, ToAnchor(p[0]), o.Out0),
        CreateStateUnchecked = p => new VwapState(ToAnchor(p[0])),
    };
}

/// <summary>Streaming session VWAP; equals <see cref="Vwap.Compute"/> bit for bit.</summary>
public sealed class VwapState : IIndicatorState
{
    private readonly SessionAnchor _anchor;
    private VwapAccumulator _accumulator;

    public VwapState(SessionAnchor anchor = SessionAnchor.Day)
    {
        if (!Enum.IsDefined(anchor))
        {
            throw new ArgumentOutOfRangeException(nameof(anchor), anchor, "Use Day, Week or Month.");
        }

        _anchor = anchor;
        _accumulator = new VwapAccumulator(anchor);
    }

    public int WarmUpPeriod => 1;

    public bool IsReady { get; private set; }

    /// <summary>Consumes one bar opening at <paramref name="time"/> (Unix ms).</summary>
    public double Update(long time, double high, double low, double close, double volume)
    {
        IsReady = true;
        return _accumulator.Update(time, high, low, close, volume);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) =>
        outputs[0] = Update(time, inputs[0], inputs[1], inputs[2], inputs[3]);

    public void Reset()
    {
        IsReady = false;
        _accumulator = new VwapAccumulator(_anchor);
    }
}

/// <summary>The running sums of one session, restarted when the session clock ticks over.</summary>
internal struct VwapAccumulator(SessionAnchor anchor)
{
    private SessionClock _clock = new(anchor);
    private double _priceVolume;
    private double _volume;

    public double Update(long time, double high, double low, double close, double volume)
    {
        if (_clock.IsNewSession(time))
        {
            _priceVolume = 0;
            _volume = 0;
        }

        var typical = (high + low + close) / 3;
        _priceVolume += typical * volume;
        _volume += volume;
        return _volume > 0 ? _priceVolume / _volume : double.NaN;
    }
}
