using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Matching Low (TA-Lib CDLMATCHINGLOW): two black candles closing at the same price.
/// </summary>
public static class CdlMatchingLow
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
        "cdl_matchinglow",
        "CDLMATCHINGLOW",
        "Matching Low",
        "Two black candles with (almost) equal closes: a support level holding; bullish (TA-Lib CDLMATCHINGLOW; Steve Nison).",
        "100 on a matching low, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(Equal, 1)];

        public static int Lookback => Equal.AveragePeriod + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(1) == -1
                && c.Color(0) == -1
                && c.Close(0) <= c.Close(1) + average[0]
                && c.Close(0) >= c.Close(1) - average[0]
                ? 100
                : 0;
        }
    }
}
