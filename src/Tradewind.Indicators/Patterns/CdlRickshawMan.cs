using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Rickshaw Man (TA-Lib CDLRICKSHAWMAN): a long-legged doji whose body sits near the middle of the range.
/// </summary>
public static class CdlRickshawMan
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
        "cdl_rickshawman",
        "CDLRICKSHAWMAN",
        "Rickshaw Man",
        "A doji with two long shadows and its body near the midpoint of the high-low range: indecision (TA-Lib CDLRICKSHAWMAN; Steve Nison).",
        "100 on a rickshaw man, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyDoji, 0), new(ShadowLong, 0), new(Near, 0)];

        public static int Lookback => LongestPeriod(BodyDoji, ShadowLong, Near);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var middle = c.Low(0) + (c.HighLowRange(0) / 2);
            return c.RealBody(0) <= average[0]
                && c.LowerShadow(0) > average[1]
                && c.UpperShadow(0) > average[1]
                && c.BodyBottom(0) <= middle + average[2]
                && c.BodyTop(0) >= middle - average[2]
                ? 100
                : 0;
        }
    }
}
