using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Dragonfly Doji (TA-Lib CDLDRAGONFLYDOJI): a doji opening and closing at the high, with a lower shadow.
/// </summary>
public static class CdlDragonflyDoji
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
        "cdl_dragonflydoji",
        "CDLDRAGONFLYDOJI",
        "Dragonfly Doji",
        "A doji with no (or a very short) upper shadow and a lower shadow that is not very short: open and close at the high of the bar (TA-Lib CDLDRAGONFLYDOJI; Steve Nison).",
        "100 on a dragonfly doji, else 0 (read it against the trend).");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyDoji, 0), new(ShadowVeryShort, 0)];

        public static int Lookback => LongestPeriod(BodyDoji, ShadowVeryShort);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) <= average[0]
                && c.UpperShadow(0) < average[1]
                && c.LowerShadow(0) > average[1]
                ? 100
                : 0;
        }
    }
}
