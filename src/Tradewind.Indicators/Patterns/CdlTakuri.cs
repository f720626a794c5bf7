using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Takuri (TA-Lib CDLTAKURI): a dragonfly doji with a very long lower shadow.
/// </summary>
public static class CdlTakuri
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
        "cdl_takuri",
        "CDLTAKURI",
        "Takuri",
        "A doji with almost no upper shadow and a lower shadow more than twice its body: a dragonfly doji with a very long leg (TA-Lib CDLTAKURI; Steve Nison).",
        "100 on a takuri, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(BodyDoji, 0),
            new(ShadowVeryShort, 0),
            new(ShadowVeryLong, 0),
        ];

        public static int Lookback => LongestPeriod(BodyDoji, ShadowVeryShort, ShadowVeryLong);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) <= average[0]
                && c.UpperShadow(0) < average[1]
                && c.LowerShadow(0) > average[2]
                ? 100
                : 0;
        }
    }
}
