using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Tristar Pattern (TA-Lib CDLTRISTAR): three dojis, the middle one gapping away from the other two.
/// </summary>
public static class CdlTristar
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
        "cdl_tristar",
        "CDLTRISTAR",
        "Tristar Pattern",
        "Three dojis where the second gaps up (bearish) or down (bullish) and the third does not go beyond it; a rare reversal (TA-Lib CDLTRISTAR; Steve Nison). All three are judged against the average before the first.",
        "+100 bullish / -100 bearish tristar, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyDoji, 2)];

        public static int Lookback => BodyDoji.AveragePeriod + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var doji = average[0];
            if (c.RealBody(2) > doji || c.RealBody(1) > doji || c.RealBody(0) > doji)
            {
                return 0;
            }

            if (c.RealBodyGapUp(1, 2) && c.BodyTop(0) < c.BodyTop(1))
            {
                return -100;
            }

            return c.RealBodyGapDown(1, 2) && c.BodyBottom(0) > c.BodyBottom(1) ? 100 : 0;
        }
    }
}
