using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Shooting Star (TA-Lib CDLSHOOTINGSTAR): small body at the bottom of a long upper shadow, gapping up.
/// </summary>
public static class CdlShootingStar
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
        "cdl_shootingstar",
        "CDLSHOOTINGSTAR",
        "Shooting Star",
        "A small real body with a long upper shadow and almost no lower shadow, its body gapping above the previous body; bearish after a rise (TA-Lib CDLSHOOTINGSTAR; Steve Nison).",
        "-100 on a shooting star, else 0 (the trend is not checked).");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(BodyShort, 0),
            new(ShadowLong, 0),
            new(ShadowVeryShort, 0),
        ];

        public static int Lookback => LongestPeriod(BodyShort, ShadowLong, ShadowVeryShort) + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) < average[0]
                && c.UpperShadow(0) > average[1]
                && c.LowerShadow(0) < average[2]
                && c.RealBodyGapUp(0, 1)
                ? -100
                : 0;
        }
    }
}
