using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Closing Marubozu (TA-Lib CDLCLOSINGMARUBOZU): a long candle closing at its extreme (white at its high, black at its
/// low).
/// </summary>
public static class CdlClosingMarubozu
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
        "cdl_closingmarubozu",
        "CDLCLOSINGMARUBOZU",
        "Closing Marubozu",
        "A long real body with almost no shadow on the closing side: a white candle closing at its high or a black one closing at its low (TA-Lib CDLCLOSINGMARUBOZU; Steve Nison).",
        "+100 white / -100 black closing marubozu, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 0), new(ShadowVeryShort, 0)];

        public static int Lookback => LongestPeriod(BodyLong, ShadowVeryShort);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(0);
            return c.RealBody(0) > average[0]
                && ((color == 1 && c.UpperShadow(0) < average[1]) || (color == -1 && c.LowerShadow(0) < average[1]))
                ? color * 100
                : 0;
        }
    }
}
