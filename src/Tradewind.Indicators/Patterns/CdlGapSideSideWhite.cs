using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Up/Down-gap side-by-side white lines (TA-Lib CDLGAPSIDESIDEWHITE): two similar white candles side by side after a
/// gap.
/// </summary>
public static class CdlGapSideSideWhite
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
        "cdl_gapsidesidewhite",
        "CDLGAPSIDESIDEWHITE",
        "Up/Down-gap side-by-side white lines",
        "A candle, then two white candles of about the same size and open whose bodies both gap away from it; continuation in the gap's direction (TA-Lib CDLGAPSIDESIDEWHITE; Steve Nison).",
        "+100 after an up-gap / -100 after a down-gap, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(Near, 1), new(Equal, 1)];

        public static int Lookback => LongestPeriod(Near, Equal) + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var gapUp = c.RealBodyGapUp(1, 2);
            return ((gapUp && c.RealBodyGapUp(0, 2)) || (c.RealBodyGapDown(1, 2) && c.RealBodyGapDown(0, 2)))
                && c.Color(1) == 1
                && c.Color(0) == 1
                && c.RealBody(0) >= c.RealBody(1) - average[0]
                && c.RealBody(0) <= c.RealBody(1) + average[0]
                && c.Open(0) >= c.Open(1) - average[1]
                && c.Open(0) <= c.Open(1) + average[1]
                ? (gapUp ? 100 : -100)
                : 0;
        }
    }
}
