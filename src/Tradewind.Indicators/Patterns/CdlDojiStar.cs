using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Doji Star (TA-Lib CDLDOJISTAR): a long candle followed by a doji whose body gaps away from it.
/// </summary>
public static class CdlDojiStar
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
        "cdl_dojistar",
        "CDLDOJISTAR",
        "Doji Star",
        "A long real body followed by a doji gapping in the direction of the first candle (up after white, down after black); warns of a reversal (TA-Lib CDLDOJISTAR; Steve Nison).",
        "-100 after a white candle (bearish) / +100 after a black one (bullish), else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 1), new(BodyDoji, 0)];

        public static int Lookback => LongestPeriod(BodyDoji, BodyLong) + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.RealBody(1) > average[0]
                && c.RealBody(0) <= average[1]
                && ((c.Color(1) == 1 && c.RealBodyGapUp(0, 1)) || (c.Color(1) == -1 && c.RealBodyGapDown(0, 1)))
                ? -c.Color(1) * 100
                : 0;
        }
    }
}
