using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Evening Star (TA-Lib CDLEVENINGSTAR): long white candle, a short body gapping up, then a black candle closing well
/// into the first body.
/// </summary>
public static class CdlEveningStar
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
        "cdl_eveningstar",
        "CDLEVENINGSTAR",
        "Evening Star",
        "Three candles: a long white body, a short body gapping above it (the star), and a black body closing at least `penetration` of the way into the first body; a bearish reversal (TA-Lib CDLEVENINGSTAR; Steve Nison).",
        "-100 on an evening star, else 0 (the trend is not checked).",
        DefaultPenetration);

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 2), new(BodyShort, 1), new(BodyShort, 0)];

        public static int Lookback => LongestPeriod(BodyShort, BodyLong) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(2) > average[0]
                && c.Color(2) == 1
                && c.RealBody(1) <= average[1]
                && c.RealBodyGapUp(1, 2)
                && c.RealBody(0) > average[2]
                && c.Color(0) == -1
                && c.Close(0) < c.Close(2) - (c.RealBody(2) * penetration)
                ? -100
                : 0;
        }
    }
}
