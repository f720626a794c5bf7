using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Three Advancing White Soldiers (TA-Lib CDL3WHITESOLDIERS): three white candles with rising closes, each opening
/// within the previous body.
/// </summary>
public static class Cdl3WhiteSoldiers
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
        "cdl_3whitesoldiers",
        "CDL3WHITESOLDIERS",
        "Three Advancing White Soldiers",
        "Three white candles with very short upper shadows and higher closes, each opening within or near the previous real body and none much shorter than the one before; bullish (TA-Lib CDL3WHITESOLDIERS; Steve Nison).",
        "100 on three white soldiers, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(ShadowVeryShort, 2),
            new(ShadowVeryShort, 1),
            new(ShadowVeryShort, 0),
            new(Near, 2),
            new(Near, 1),
            new(Far, 2),
            new(Far, 1),
            new(BodyShort, 0),
        ];

        public static int Lookback => LongestPeriod(ShadowVeryShort, BodyShort, Far, Near) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(2) == 1
                && c.UpperShadow(2) < average[0]
                && c.Color(1) == 1
                && c.UpperShadow(1) < average[1]
                && c.Color(0) == 1
                && c.UpperShadow(0) < average[2]
                && c.Close(0) > c.Close(1) && c.Close(1) > c.Close(2)
                && c.Open(1) > c.Open(2)
                && c.Open(1) <= c.Close(2) + average[3]
                && c.Open(0) > c.Open(1)
                && c.Open(0) <= c.Close(1) + average[4]
                && c.RealBody(1) > c.RealBody(2) - average[5]
                && c.RealBody(0) > c.RealBody(1) - average[6]
                && c.RealBody(0) > average[7]
                ? 100
                : 0;
        }
    }
}
