using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Belt-hold (TA-Lib CDLBELTHOLD): a long candle opening at its extreme (white opening on its low, black on its high).
/// </summary>
public static class CdlBeltHold
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
        "cdl_belthold",
        "CDLBELTHOLD",
        "Belt-hold",
        "A long real body with almost no shadow on the opening side: a white candle opening at its low or a black one opening at its high (TA-Lib CDLBELTHOLD; Steve Nison).",
        "+100 bullish (white) / -100 bearish (black) belt-hold, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 0), new(ShadowVeryShort, 0)];

        public static int Lookback => LongestPeriod(BodyLong, ShadowVeryShort);

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(0);
            return c.RealBody(0) > average[0]
                && ((color == 1 && c.LowerShadow(0) < average[1]) || (color == -1 && c.UpperShadow(0) < average[1]))
                ? color * 100
                : 0;
        }
    }
}
