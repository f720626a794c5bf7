using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Long Legged Doji (TA-Lib CDLLONGLEGGEDDOJI): a doji with one or two long shadows.
/// </summary>
public static class CdlLongLeggedDoji
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
        "cdl_longleggeddoji",
        "CDLLONGLEGGEDDOJI",
        "Long Legged Doji",
        "A doji with at least one shadow longer than its real body: wide swings that end where they began (TA-Lib CDLLONGLEGGEDDOJI; Steve Nison).",
        "100 on a long-legged doji, else 0 (indecision, no direction).");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyDoji, 0), new(ShadowLong, 0)];

        public static int Lookback => LongestPeriod(BodyDoji, ShadowLong);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) <= average[0]
                && (c.LowerShadow(0) > average[1] || c.UpperShadow(0) > average[1])
                ? 100
                : 0;
        }
    }
}
