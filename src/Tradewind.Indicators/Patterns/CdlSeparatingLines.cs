using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Separating Lines (TA-Lib CDLSEPARATINGLINES): two opposite candles opening at the same price, the second a belt-
/// hold.
/// </summary>
public static class CdlSeparatingLines
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
        "cdl_separatinglines",
        "CDLSEPARATINGLINES",
        "Separating Lines",
        "Two candles of opposite colour with the same open, the second a long belt-hold (no shadow on its opening side) in the direction of the trend; continuation (TA-Lib CDLSEPARATINGLINES; Steve Nison).",
        "+100 bullish (white second candle) / -100 bearish, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(ShadowVeryShort, 0),
            new(BodyLong, 0),
            new(Equal, 1),
        ];

        public static int Lookback => LongestPeriod(ShadowVeryShort, BodyLong, Equal) + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(0);
            return c.Color(1) == -color
                && c.Open(0) <= c.Open(1) + average[2]
                && c.Open(0) >= c.Open(1) - average[2]
                && c.RealBody(0) > average[1]
                && ((color == 1 && c.LowerShadow(0) < average[0]) || (color == -1 && c.UpperShadow(0) < average[0]))
                ? color * 100
                : 0;
        }
    }
}
