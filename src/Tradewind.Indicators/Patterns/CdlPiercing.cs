using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Piercing Pattern (TA-Lib CDLPIERCING): a long white candle opening below the prior long black candle's low and
/// closing above its midpoint.
/// </summary>
public static class CdlPiercing
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
        "cdl_piercing",
        "CDLPIERCING",
        "Piercing Pattern",
        "A long black candle, then a long white candle that opens below its low and closes inside its body, above the midpoint; bullish (TA-Lib CDLPIERCING; Steve Nison).",
        "100 on a piercing pattern, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 1), new(BodyLong, 0)];

        public static int Lookback => BodyLong.AveragePeriod + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(1) == -1
                && c.RealBody(1) > average[0]
                && c.Color(0) == 1
                && c.RealBody(0) > average[1]
                && c.Open(0) < c.Low(1)
                && c.Close(0) < c.Open(1)
                && c.Close(0) > c.Close(1) + (c.RealBody(1) * 0.5)
                ? 100
                : 0;
        }
    }
}
