namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Upside/Downside Gap Three Methods (TA-Lib CDLXSIDEGAP3METHODS): two same-coloured candles with a gap between them,
/// then an opposite candle closing the gap.
/// </summary>
public static class CdlXSideGap3Methods
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
        "cdl_xsidegap3methods",
        "CDLXSIDEGAP3METHODS",
        "Upside/Downside Gap Three Methods",
        "Two candles of one colour whose bodies gap in that direction, then an opposite candle opening inside the second body and closing inside the first; continuation (TA-Lib CDLXSIDEGAP3METHODS; Steve Nison).",
        "+100 upside gap three methods (white pair) / -100 downside (black pair), else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        public static int Lookback => 2;

        public static ReadOnlySpan<CandleAverage> Averages => [];

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(2);
            return color == c.Color(1)
                && c.Color(1) == -c.Color(0)
                && c.Open(0) < c.BodyTop(1)
                && c.Open(0) > c.BodyBottom(1)
                && c.Close(0) < c.BodyTop(2)
                && c.Close(0) > c.BodyBottom(2)
                && ((color == 1 && c.RealBodyGapUp(1, 2)) || (color == -1 && c.RealBodyGapDown(1, 2)))
                ? color * 100
                : 0;
        }
    }
}
