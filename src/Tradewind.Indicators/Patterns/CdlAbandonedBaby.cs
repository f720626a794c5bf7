using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Abandoned Baby (TA-Lib CDLABANDONEDBABY): a doji star with shadow gaps on both sides, between a long candle and an
/// opposite one.
/// </summary>
public static class CdlAbandonedBaby
{
    public const double DefaultPenetration = 0.3;

    public static int Lookback() => Pattern.Lookback;

    public static void Compute(
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        double penetration,
        Span<double> output) =>
        CandlePatternEngine.Compute<Pattern>(open, high, low, close, penetration, output);

    internal static IndicatorDefinition Definition { get; } = CandlePatternEngine.Define<Pattern>(
        "cdl_abandonedbaby",
        "CDLABANDONEDBABY",
        "Abandoned Baby",
        "A long candle, a doji whose whole range gaps away from it, and an opposite candle gapping back and closing at least `penetration` into the first body; a strong reversal (TA-Lib CDLABANDONEDBABY; Steve Nison).",
        "+100 bullish / -100 bearish abandoned baby, else 0.",
        DefaultPenetration);

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 2), new(BodyDoji, 1), new(BodyShort, 0)];

        public static int Lookback => LongestPeriod(BodyDoji, BodyLong, BodyShort) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var bearish = c.Color(2) == 1
                && c.Color(0) == -1
                && c.Close(0) < c.Close(2) - (c.RealBody(2) * penetration)
                && c.GapUp(1, 2)
                && c.GapDown(0, 1);
            var bullish = c.Color(2) == -1
                && c.Color(0) == 1
                && c.Close(0) > c.Close(2) + (c.RealBody(2) * penetration)
                && c.GapDown(1, 2)
                && c.GapUp(0, 1);
            return c.RealBody(2) > average[0]
                && c.RealBody(1) <= average[1]
                && c.RealBody(0) > average[2]
                && (bearish || bullish)
                ? c.Color(0) * 100
                : 0;
        }
    }
}
