using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Kicking (TA-Lib CDLKICKING): two marubozu of opposite colour with a gap between them.
/// </summary>
public static class CdlKicking
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
        "cdl_kicking",
        "CDLKICKING",
        "Kicking",
        "A marubozu followed by a marubozu of the opposite colour that gaps away from it (up after a black one, down after a white one); the second candle gives the direction (TA-Lib CDLKICKING; Steve Nison).",
        "+100 bullish (white second marubozu) / -100 bearish, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(BodyLong, 1),
            new(ShadowVeryShort, 1),
            new(BodyLong, 0),
            new(ShadowVeryShort, 0),
        ];

        public static int Lookback => LongestPeriod(ShadowVeryShort, BodyLong) + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(0);
            return c.Color(1) == -color
                && c.RealBody(1) > average[0]
                && c.UpperShadow(1) < average[1]
                && c.LowerShadow(1) < average[1]
                && c.RealBody(0) > average[2]
                && c.UpperShadow(0) < average[3]
                && c.LowerShadow(0) < average[3]
                && ((c.Color(1) == -1 && c.GapUp(0, 1)) || (c.Color(1) == 1 && c.GapDown(0, 1)))
                ? color * 100
                : 0;
        }
    }
}
