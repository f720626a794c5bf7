using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Three Inside Up/Down (TA-Lib CDL3INSIDE): a harami confirmed by a third candle closing beyond the first candle's
/// open.
/// </summary>
public static class Cdl3Inside
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
        "cdl_3inside",
        "CDL3INSIDE",
        "Three Inside Up/Down",
        "A long candle, a short body inside it (a harami), then a candle of the opposite colour to the first that closes beyond the first candle's open; confirms the reversal (TA-Lib CDL3INSIDE; Greg Morris).",
        "+100 three inside up / -100 three inside down, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 2), new(BodyShort, 1)];

        public static int Lookback => LongestPeriod(BodyShort, BodyLong) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(2) > average[0]
                && c.RealBody(1) <= average[1]
                && c.BodyTop(1) < c.BodyTop(2)
                && c.BodyBottom(1) > c.BodyBottom(2)
                && ((c.Color(2) == 1 && c.Color(0) == -1 && c.Close(0) < c.Open(2))
                    || (c.Color(2) == -1 && c.Color(0) == 1 && c.Close(0) > c.Open(2)))
                ? -c.Color(2) * 100
                : 0;
        }
    }
}
