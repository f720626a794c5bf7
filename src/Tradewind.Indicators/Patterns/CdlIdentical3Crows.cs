using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Identical Three Crows (TA-Lib CDLIDENTICAL3CROWS): three black candles, each opening at the previous close.
/// </summary>
public static class CdlIdentical3Crows
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
        "cdl_identical3crows",
        "CDLIDENTICAL3CROWS",
        "Identical Three Crows",
        "Three black candles with very short lower shadows and falling closes, each opening at (about) the previous close; bearish (TA-Lib CDLIDENTICAL3CROWS; Steve Nison).",
        "-100 on identical three crows, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(ShadowVeryShort, 2),
            new(ShadowVeryShort, 1),
            new(ShadowVeryShort, 0),
            new(Equal, 2),
            new(Equal, 1),
        ];

        public static int Lookback => LongestPeriod(ShadowVeryShort, Equal) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(2) == -1
                && c.LowerShadow(2) < average[0]
                && c.Color(1) == -1
                && c.LowerShadow(1) < average[1]
                && c.Color(0) == -1
                && c.LowerShadow(0) < average[2]
                && c.Close(2) > c.Close(1)
                && c.Close(1) > c.Close(0)
                && c.Open(1) <= c.Close(2) + average[3]
                && c.Open(1) >= c.Close(2) - average[3]
                && c.Open(0) <= c.Close(1) + average[4]
                && c.Open(0) >= c.Close(1) - average[4]
                ? -100
                : 0;
        }
    }
}
