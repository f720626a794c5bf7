using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Modified Hikkake Pattern (TA-Lib CDLHIKKAKEMOD): a hikkake whose inside bar follows another inside bar that closed
/// near its extreme, and its confirmation within three bars.
/// </summary>
public static class CdlHikkakeMod
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
        "cdl_hikkakemod",
        "CDLHIKKAKEMOD",
        "Modified Hikkake Pattern",
        "Two nested inside bars, the first closing near its low (bullish) or high (bearish), then a false breakout of the second; confirmed when, within three bars, price closes beyond the second inside bar the other way (TA-Lib CDLHIKKAKEMOD; Daniel Chesler).",
        "+100 bullish / -100 bearish modified hikkake; +200 / -200 on the bar that confirms it; else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(Near, 2)];

        public static int Lookback => Math.Max(1, Near.AveragePeriod) + 5;

        // TA-Lib scans three bars before the first output so a pattern there can still be confirmed.
        public static int Preroll => 3;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            if (c.High(2) < c.High(3) && c.Low(2) > c.Low(3)
                && c.High(1) < c.High(2) && c.Low(1) > c.Low(2)
                && ((c.High(0) < c.High(1) && c.Low(0) < c.Low(1) && c.Close(2) <= c.Low(2) + average[0])
                    || (c.High(0) > c.High(1) && c.Low(0) > c.Low(1) && c.Close(2) >= c.High(2) - average[0])))
            {
                memory.Signal = c.High(0) < c.High(1) ? 100 : -100;
                memory.BarsSince = 0;
                return memory.Signal;
            }

            return CdlHikkake.Confirm(c, ref memory);
        }
    }
}
