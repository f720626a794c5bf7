namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Engulfing Pattern (TA-Lib CDLENGULFING): a real body that engulfs the opposite-coloured body before it.
/// </summary>
public static class CdlEngulfing
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
        "cdl_engulfing",
        "CDLENGULFING",
        "Engulfing Pattern",
        "Two candles of opposite colour where the second real body engulfs the first; a white one engulfing a black one is bullish, the reverse bearish (TA-Lib CDLENGULFING; Steve Nison, Greg Morris).",
        "+100 bullish / -100 bearish engulfing; +80 / -80 when the bodies match at one end; else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        public static int Lookback => 2;

        public static ReadOnlySpan<CandleAverage> Averages => [];

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(0);
            var whiteEngulfsBlack = color == 1 && c.Color(1) == -1
                && ((c.Close(0) >= c.Open(1) && c.Open(0) < c.Close(1))
                    || (c.Close(0) > c.Open(1) && c.Open(0) <= c.Close(1)));
            var blackEngulfsWhite = color == -1 && c.Color(1) == 1
                && ((c.Open(0) >= c.Close(1) && c.Close(0) < c.Open(1))
                    || (c.Open(0) > c.Close(1) && c.Close(0) <= c.Open(1)));
            if (!whiteEngulfsBlack && !blackEngulfsWhite)
            {
                return 0;
            }

            // Greg Morris counts bodies that match at one end as a weaker engulfing.
            return c.Open(0) != c.Close(1) && c.Close(0) != c.Open(1) ? color * 100 : color * 80;
        }
    }
}
