using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Hammer (TA-Lib CDLHAMMER): small body at the top of a long lower shadow, near the prior candle's low.
/// </summary>
public static class CdlHammer
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
        "cdl_hammer",
        "CDLHAMMER",
        "Hammer",
        "A small real body with a long lower shadow and almost no upper shadow, sitting at or near the previous candle's low; bullish after a decline (TA-Lib CDLHAMMER; Steve Nison).",
        "100 on a hammer, else 0 (the trend is not checked).");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(BodyShort, 0),
            new(ShadowLong, 0),
            new(ShadowVeryShort, 0),
            new(Near, 1),
        ];

        public static int Lookback => LongestPeriod(BodyShort, ShadowLong, ShadowVeryShort, Near) + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) < average[0]
                && c.LowerShadow(0) > average[1]
                && c.UpperShadow(0) < average[2]
                && c.BodyBottom(0) <= c.Low(1) + average[3]
                ? 100
                : 0;
        }
    }
}
