using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Three Stars In The South (TA-Lib CDL3STARSINSOUTH): three shrinking black candles, the last a small marubozu inside
/// the second's range.
/// </summary>
public static class Cdl3StarsInSouth
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
        "cdl_3starsinsouth",
        "CDL3STARSINSOUTH",
        "Three Stars In The South",
        "A long black candle with a long lower shadow, a smaller black candle opening higher and holding above the first low, and a small black marubozu inside the second candle's range; bullish (TA-Lib CDL3STARSINSOUTH; Steve Nison).",
        "100 on three stars in the south, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(BodyLong, 2),
            new(ShadowLong, 2),
            new(ShadowVeryShort, 1),
            new(ShadowVeryShort, 0),
            new(BodyShort, 0),
        ];

        public static int Lookback => LongestPeriod(ShadowVeryShort, ShadowLong, BodyLong, BodyShort) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(2) == -1
                && c.Color(1) == -1
                && c.Color(0) == -1
                && c.RealBody(2) > average[0]
                && c.LowerShadow(2) > average[1]
                && c.RealBody(1) < c.RealBody(2)
                && c.Open(1) > c.Close(2) && c.Open(1) <= c.High(2)
                && c.Low(1) < c.Close(2)
                && c.Low(1) >= c.Low(2)
                && c.LowerShadow(1) > average[2]
                && c.RealBody(0) < average[4]
                && c.LowerShadow(0) < average[3]
                && c.UpperShadow(0) < average[3]
                && c.Low(0) > c.Low(1) && c.High(0) < c.High(1)
                ? 100
                : 0;
        }
    }
}
