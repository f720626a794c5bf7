using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Doji (TA-Lib CDLDOJI): open and close (almost) equal. First value at index 10 with TA-Lib's default candle settings.
/// </summary>
public static class CdlDoji
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
        "cdl_doji",
        "CDLDOJI",
        "Doji",
        "A candle whose real body is at most 10% of the average high-low range of the previous 10 candles: indecision (TA-Lib CDLDOJI; Steve Nison).",
        "100 on a doji, else 0 (no direction by itself).");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyDoji, 0)];

        public static int Lookback => BodyDoji.AveragePeriod;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(0) <= average[0] ? 100 : 0;
        }
    }
}
