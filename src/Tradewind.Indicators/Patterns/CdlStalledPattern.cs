using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Stalled Pattern (TA-Lib CDLSTALLEDPATTERN): two long white candles, then a small white candle riding on the second's
/// shoulder.
/// </summary>
public static class CdlStalledPattern
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
        "cdl_stalledpattern",
        "CDLSTALLEDPATTERN",
        "Stalled Pattern",
        "Two long white candles with higher closes, the second opening within the first body with a very short upper shadow, then a small white candle opening near the second close; the advance stalls, bearish (TA-Lib CDLSTALLEDPATTERN; Steve Nison).",
        "-100 on a stalled pattern, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(BodyLong, 2),
            new(BodyLong, 1),
            new(BodyShort, 0),
            new(ShadowVeryShort, 1),
            new(Near, 2),
            new(Near, 1),
        ];

        public static int Lookback => LongestPeriod(BodyLong, BodyShort, ShadowVeryShort, Near) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(2) == 1
                && c.Color(1) == 1
                && c.Color(0) == 1
                && c.Close(0) > c.Close(1) && c.Close(1) > c.Close(2)
                && c.RealBody(2) > average[0]
                && c.RealBody(1) > average[1]
                && c.UpperShadow(1) < average[3]
                && c.Open(1) > c.Open(2)
                && c.Open(1) <= c.Close(2) + average[4]
                && c.RealBody(0) < average[2]
                && c.Open(0) >= c.Close(1) - c.RealBody(0) - average[5]
                ? -100
                : 0;
        }
    }
}
