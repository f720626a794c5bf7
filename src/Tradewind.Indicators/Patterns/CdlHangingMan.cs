using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Hanging Man (TA-Lib CDLHANGINGMAN): a hammer-shaped candle at or near the prior candle's high.
/// </summary>
public static class CdlHangingMan
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
        "cdl_hangingman",
        "CDLHANGINGMAN",
        "Hanging Man",
        "A small real body with a long lower shadow and almost no upper shadow, sitting at or near the previous candle's high; bearish after a rise (TA-Lib CDLHANGINGMAN; Steve Nison).",
        "-100 on a hanging man, else 0 (the trend is not checked).");

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
                && c.BodyBottom(0) >= c.High(1) - average[3]
                ? -100
                : 0;
        }
    }
}
