using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Advance Block (TA-Lib CDLADVANCEBLOCK): three white candles whose advance weakens (shrinking bodies or growing upper
/// shadows).
/// </summary>
public static class CdlAdvanceBlock
{
    public static int Lookback() => Pattern.Lookback;

    public static void Compute(
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> output) =>
        CandlePatternEngine.Compute<Pattern>(open, high, low, close, 0.0, output);

    internal static IndicatorDefinition Definition { get; } = CandlePatternEngine.Define<Pattern>(
        "cdl_advanceblock",
        "CDLADVANCEBLOCK",
        "Advance Block",
        "Three white candles with higher closes, each opening within or near the previous body, where the advance stalls: bodies shrink markedly or upper shadows grow; bearish (TA-Lib CDLADVANCEBLOCK; Steve Nison).",
        "-100 on an advance block, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(ShadowShort, 2),
            new(ShadowShort, 1),
            new(ShadowShort, 0),
            new(ShadowLong, 0),
            new(Near, 2),
            new(Near, 1),
            new(Far, 2),
            new(Far, 1),
            new(BodyLong, 2),
        ];

        public static int Lookback => LongestPeriod(ShadowLong, ShadowShort, Far, Near, BodyLong) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            if (!(c.Color(2) == 1
                && c.Color(1) == 1
                && c.Color(0) == 1
                && c.Close(0) > c.Close(1) && c.Close(1) > c.Close(2)
                && c.Open(1) > c.Open(2)
                && c.Open(1) <= c.Close(2) + average[4]
                && c.Open(0) > c.Open(1)
                && c.Open(0) <= c.Close(1) + average[5]
                && c.RealBody(2) > average[8]
                && c.UpperShadow(2) < average[0]))
            {
                return 0;
            }

            var body2 = c.RealBody(2);
            var body1 = c.RealBody(1);
            var body0 = c.RealBody(0);

            // The advance is blocked at the second candle, the third, by shrinking bodies with upper shadows, or by a
            // smaller third body with a long upper shadow.
            var blocked = (body1 < body2 - average[6] && body0 < body1 + average[5])
                || body0 < body1 - average[7]
                || (body0 < body1 && body1 < body2 && (c.UpperShadow(0) > average[2] || c.UpperShadow(1) > average[1]))
                || (body0 < body1 && c.UpperShadow(0) > average[3]);
            return blocked ? -100 : 0;
        }
    }
}
