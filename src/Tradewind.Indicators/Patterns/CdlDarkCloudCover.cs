using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Dark Cloud Cover (TA-Lib CDLDARKCLOUDCOVER): a black candle opening above the prior long white candle's high and
/// closing well into its body.
/// </summary>
public static class CdlDarkCloudCover
{
    public const double DefaultPenetration = 0.5;

    public static int Lookback() => Pattern.Lookback;

    public static void Compute(
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        double penetration,
        Span<double> output) =>
        CandlePatternEngine.Compute<Pattern>(open, high, low, close, penetration, output);

    internal static IndicatorDefinition Definition { get; } = CandlePatternEngine.Define<Pattern>(
        "cdl_darkcloudcover",
        "CDLDARKCLOUDCOVER",
        "Dark Cloud Cover",
        "A long white candle, then a black candle that opens above its high and closes inside its body, at least `penetration` of the way down; bearish (TA-Lib CDLDARKCLOUDCOVER; Steve Nison).",
        "-100 on dark cloud cover, else 0.",
        DefaultPenetration);

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 1)];

        public static int Lookback => BodyLong.AveragePeriod + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(1) == 1
                && c.RealBody(1) > average[0]
                && c.Color(0) == -1
                && c.Open(0) > c.High(1)
                && c.Close(0) > c.Open(1)
                && c.Close(0) < c.Close(1) - (c.RealBody(1) * penetration)
                ? -100
                : 0;
        }
    }
}
