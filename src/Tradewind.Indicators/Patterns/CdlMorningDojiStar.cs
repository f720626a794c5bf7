using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Morning Doji Star (TA-Lib CDLMORNINGDOJISTAR): a morning star whose middle candle is a doji.
/// </summary>
public static class CdlMorningDojiStar
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
        "cdl_morningdojistar",
        "CDLMORNINGDOJISTAR",
        "Morning Doji Star",
        "Three candles: a long black body, a doji gapping below it, and a white body closing at least `penetration` of the way into the first body; a bullish reversal (TA-Lib CDLMORNINGDOJISTAR; Steve Nison).",
        "100 on a morning doji star, else 0 (the trend is not checked).",
        DefaultPenetration);

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 2), new(BodyDoji, 1), new(BodyShort, 0)];

        public static int Lookback => LongestPeriod(BodyDoji, BodyLong, BodyShort) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(2) > average[0]
                && c.Color(2) == -1
                && c.RealBody(1) <= average[1]
                && c.RealBodyGapDown(1, 2)
                && c.RealBody(0) > average[2]
                && c.Color(0) == 1
                && c.Close(0) > c.Close(2) + (c.RealBody(2) * penetration)
                ? 100
                : 0;
        }
    }
}
