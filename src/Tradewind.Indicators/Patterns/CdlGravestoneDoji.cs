using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Gravestone Doji (TA-Lib CDLGRAVESTONEDOJI): a doji opening and closing at the low, with an upper shadow.
/// </summary>
public static class CdlGravestoneDoji
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
        "cdl_gravestonedoji",
        "CDLGRAVESTONEDOJI",
        "Gravestone Doji",
        "A doji with no (or a very short) lower shadow and an upper shadow that is not very short: open and close at the low of the bar (TA-Lib CDLGRAVESTONEDOJI; Steve Nison).",
        "100 on a gravestone doji, else 0 (read it against the trend).");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyDoji, 0), new(ShadowVeryShort, 0)];

        public static int Lookback => LongestPeriod(BodyDoji, ShadowVeryShort);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) <= average[0]
                && c.LowerShadow(0) < average[1]
                && c.UpperShadow(0) > average[1]
                ? 100
                : 0;
        }
    }
}
