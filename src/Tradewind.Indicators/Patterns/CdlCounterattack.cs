using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Counterattack (TA-Lib CDLCOUNTERATTACK): two long opposite candles closing at the same price.
/// </summary>
public static class CdlCounterattack
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
        "cdl_counterattack",
        "CDLCOUNTERATTACK",
        "Counterattack",
        "Two long candles of opposite colour with (almost) equal closes; the second candle gives the direction of the reversal (TA-Lib CDLCOUNTERATTACK; Steve Nison).",
        "+100 bullish (white second candle) / -100 bearish, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(Equal, 1), new(BodyLong, 1), new(BodyLong, 0)];

        public static int Lookback => LongestPeriod(Equal, BodyLong) + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(0);
            return c.Color(1) == -color
                && c.RealBody(1) > average[1]
                && c.RealBody(0) > average[2]
                && c.Close(0) <= c.Close(1) + average[0]
                && c.Close(0) >= c.Close(1) - average[0]
                ? color * 100
                : 0;
        }
    }
}
