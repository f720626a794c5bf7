using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Marubozu (TA-Lib CDLMARUBOZU): a long real body with no or very short shadows.
/// </summary>
public static class CdlMarubozu
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
        "cdl_marubozu",
        "CDLMARUBOZU",
        "Marubozu",
        "A long real body with very short shadows at both ends: buyers (white) or sellers (black) in control all bar (TA-Lib CDLMARUBOZU; Steve Nison).",
        "+100 on a white marubozu, -100 on a black one, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 0), new(ShadowVeryShort, 0)];

        public static int Lookback => LongestPeriod(BodyLong, ShadowVeryShort);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) > average[0]
                && c.UpperShadow(0) < average[1]
                && c.LowerShadow(0) < average[1]
                ? c.Color(0) * 100
                : 0;
        }
    }
}
