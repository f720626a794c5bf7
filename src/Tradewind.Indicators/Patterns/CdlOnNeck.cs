using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// On-Neck Pattern (TA-Lib CDLONNECK): a white candle opening below a long black candle's low and closing at that low.
/// </summary>
public static class CdlOnNeck
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
        "cdl_onneck",
        "CDLONNECK",
        "On-Neck Pattern",
        "A long black candle, then a white candle that opens below its low and closes at about that low; bearish continuation (TA-Lib CDLONNECK; Steve Nison).",
        "-100 on an on-neck pattern, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(Equal, 1), new(BodyLong, 1)];

        public static int Lookback => LongestPeriod(Equal, BodyLong) + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(1) == -1
                && c.RealBody(1) > average[1]
                && c.Color(0) == 1
                && c.Open(0) < c.Low(1)
                && c.Close(0) <= c.Low(1) + average[0]
                && c.Close(0) >= c.Low(1) - average[0]
                ? -100
                : 0;
        }
    }
}
