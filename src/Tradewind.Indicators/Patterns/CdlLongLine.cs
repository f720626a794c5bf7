using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Long Line Candle (TA-Lib CDLLONGLINE): a long real body with short shadows.
/// </summary>
public static class CdlLongLine
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
        "cdl_longline",
        "CDLLONGLINE",
        "Long Line Candle",
        "A real body longer than the average of the previous 10 and both shadows shorter than half the average shadow sum: a decisive bar (TA-Lib CDLLONGLINE).",
        "+100 white / -100 black long line, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 0), new(ShadowShort, 0)];

        public static int Lookback => LongestPeriod(BodyLong, ShadowShort);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) > average[0]
                && c.UpperShadow(0) < average[1]
                && c.LowerShadow(0) < average[1]
                ? c.Color(0) * 100
                : 0;
        }
    }
}
