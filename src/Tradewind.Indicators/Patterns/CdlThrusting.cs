using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Thrusting Pattern (TA-Lib CDLTHRUSTING): a white candle opening below a long black candle's low and closing into its
/// body, under the midpoint.
/// </summary>
public static class CdlThrusting
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
        "cdl_thrusting",
        "CDLTHRUSTING",
        "Thrusting Pattern",
        "A long black candle, then a white candle that opens below its low and closes inside its body but below the midpoint; bearish continuation (TA-Lib CDLTHRUSTING; Steve Nison).",
        "-100 on a thrusting pattern, else 0.");

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
                && c.Close(0) > c.Close(1) + average[0]
                && c.Close(0) <= c.Close(1) + (c.RealBody(1) * 0.5)
                ? -100
                : 0;
        }
    }
}
