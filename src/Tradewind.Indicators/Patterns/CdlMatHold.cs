using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Mat Hold (TA-Lib CDLMATHOLD): a long white candle, a gap up, three small candles holding inside its body, then a
/// white candle breaking out.
/// </summary>
public static class CdlMatHold
{
    public const double DefaultPenetration = 0.5;

    public static int Lookback() => Pattern.Lookback;

    public static void Compute(
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        double penetration,
        Span<double> output) =>
        CandlePatternEngine.Compute<Pattern>(open, high, low, close, penetration, output);

    internal static IndicatorDefinition Definition { get; } = CandlePatternEngine.Define<Pattern>(
        "cdl_mathold",
        "CDLMATHOLD",
        "Mat Hold",
        "A long white candle, a small black candle gapping up, two more small candles drifting lower but holding above `penetration` of the first body, then a white candle closing above their highs; bullish continuation (TA-Lib CDLMATHOLD; Steve Nison).",
        "100 on a mat hold, else 0.",
        DefaultPenetration);

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(BodyLong, 4),
            new(BodyShort, 3),
            new(BodyShort, 2),
            new(BodyShort, 1),
        ];

        public static int Lookback => LongestPeriod(BodyShort, BodyLong) + 4;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var floor = c.Close(4) - (c.RealBody(4) * penetration);
            return c.RealBody(4) > average[0]
                && c.RealBody(3) < average[1]
                && c.RealBody(2) < average[2]
                && c.RealBody(1) < average[3]
                && c.Color(4) == 1
                && c.Color(3) == -1
                && c.Color(0) == 1
                && c.RealBodyGapUp(3, 4)
                && c.BodyBottom(2) < c.Close(4)
                && c.BodyBottom(1) < c.Close(4)
                && c.BodyBottom(2) > floor
                && c.BodyBottom(1) > floor
                && c.BodyTop(2) < c.Open(3)
                && c.BodyTop(1) < c.BodyTop(2)
                && c.Open(0) > c.Close(1)
                && c.Close(0) > Math.Max(Math.Max(c.High(3), c.High(2)), c.High(1))
                ? 100
                : 0;
        }
    }
}
