using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// In-Neck Pattern (TA-Lib CDLINNECK): a white candle opening below a long black candle's low and closing just at or
/// slightly above its close.
/// </summary>
public static class CdlInNeck
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
        "cdl_inneck",
        "CDLINNECK",
        "In-Neck Pattern",
        "A long black candle, then a white candle that opens below its low and closes at or barely into its body; bearish continuation (TA-Lib CDLINNECK; Steve Nison).",
        "-100 on an in-neck pattern, else 0.");

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
                && c.Close(0) <= c.Close(1) + average[0]
                && c.Close(0) >= c.Close(1)
                ? -100
                : 0;
        }
    }
}
