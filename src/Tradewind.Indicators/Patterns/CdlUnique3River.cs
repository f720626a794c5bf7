using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Unique 3 River (TA-Lib CDLUNIQUE3RIVER): a long black candle, a black harami with a lower low, then a small white
/// candle.
/// </summary>
public static class CdlUnique3River
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
        "cdl_unique3river",
        "CDLUNIQUE3RIVER",
        "Unique 3 River",
        "A long black candle, a black candle inside its body but with a lower low, and a short white candle opening above that low; bullish (TA-Lib CDLUNIQUE3RIVER; Steve Nison).",
        "100 on a unique three river, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 2), new(BodyShort, 0)];

        public static int Lookback => LongestPeriod(BodyShort, BodyLong) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(2) > average[0]
                && c.Color(2) == -1
                && c.Color(1) == -1
                && c.Close(1) > c.Close(2) && c.Open(1) <= c.Open(2)
                && c.Low(1) < c.Low(2)
                && c.RealBody(0) < average[1]
                && c.Color(0) == 1
                && c.Open(0) > c.Low(1)
                ? 100
                : 0;
        }
    }
}
