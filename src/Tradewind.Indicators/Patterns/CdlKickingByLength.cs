using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Kicking by length (TA-Lib CDLKICKINGBYLENGTH): a kicking pattern whose direction is that of the longer of the two
/// marubozu.
/// </summary>
public static class CdlKickingByLength
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
        "cdl_kickingbylength",
        "CDLKICKINGBYLENGTH",
        "Kicking - bull/bear determined by the longer marubozu",
        "Two marubozu of opposite colour with a gap between them, as in kicking, but the signal follows the colour of the longer one (TA-Lib CDLKICKINGBYLENGTH; Steve Nison).",
        "+100 when the longer marubozu is white / -100 when black, else 0.");

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
            return c.Color(1) == -c.Color(0)
                && c.RealBody(1) > average[0]
                && c.UpperShadow(1) < average[1]
                && c.LowerShadow(1) < average[1]
                && c.RealBody(0) > average[2]
                && c.UpperShadow(0) < average[3]
                && c.LowerShadow(0) < average[3]
                && ((c.Color(1) == -1 && c.GapUp(0, 1)) || (c.Color(1) == 1 && c.GapDown(0, 1)))
                ? c.Color(c.RealBody(0) > c.RealBody(1) ? 0 : 1) * 100
                : 0;
        }
    }
}
