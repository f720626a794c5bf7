using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Harami Pattern (TA-Lib CDLHARAMI): a short real body inside the previous long one.
/// </summary>
public static class CdlHarami
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
        "cdl_harami",
        "CDLHARAMI",
        "Harami Pattern",
        "A long real body followed by a short one contained in it; signals a possible reversal opposite to the first candle (TA-Lib CDLHARAMI; Steve Nison, Greg Morris).",
        "+100 bullish (after a black candle) / -100 bearish (after a white one); +80 / -80 when the bodies match at one end; else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 1), new(BodyShort, 0)];

        public static int Lookback => LongestPeriod(BodyShort, BodyLong) + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            if (c.RealBody(1) <= average[0] || c.RealBody(0) > average[1])
            {
                return 0;
            }

            if (c.BodyTop(0) < c.BodyTop(1) && c.BodyBottom(0) > c.BodyBottom(1))
            {
                return -c.Color(1) * 100;
            }

            return c.BodyTop(0) <= c.BodyTop(1) && c.BodyBottom(0) >= c.BodyBottom(1) ? -c.Color(1) * 80 : 0;
        }
    }
}
