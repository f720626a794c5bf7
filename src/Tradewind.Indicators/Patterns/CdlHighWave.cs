using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// High-Wave Candle (TA-Lib CDLHIGHWAVE): a short real body with very long shadows on both sides.
/// </summary>
public static class CdlHighWave
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
        "cdl_highwave",
        "CDLHIGHWAVE",
        "High-Wave Candle",
        "A short real body with both shadows more than twice the body: strong indecision (TA-Lib CDLHIGHWAVE; Steve Nison).",
        "+100 white / -100 black high-wave candle, else 0 (the sign is the colour, not a forecast).");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyShort, 0), new(ShadowVeryLong, 0)];

        public static int Lookback => LongestPeriod(BodyShort, ShadowVeryLong);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) < average[0]
                && c.UpperShadow(0) > average[1]
                && c.LowerShadow(0) > average[1]
                ? c.Color(0) * 100
                : 0;
        }
    }
}
