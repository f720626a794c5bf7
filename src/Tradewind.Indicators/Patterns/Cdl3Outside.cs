namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Three Outside Up/Down (TA-Lib CDL3OUTSIDE): an engulfing pattern confirmed by a third candle closing further in its
/// direction.
/// </summary>
public static class Cdl3Outside
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
        "cdl_3outside",
        "CDL3OUTSIDE",
        "Three Outside Up/Down",
        "An engulfing pattern followed by a candle closing higher (after a bullish engulfing) or lower (after a bearish one); confirms the reversal (TA-Lib CDL3OUTSIDE; Greg Morris).",
        "+100 three outside up / -100 three outside down, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        public static int Lookback => 3;

        public static ReadOnlySpan<CandleAverage> Averages => [];

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            if (c.Color(1) == 1
                && c.Color(2) == -1
                && c.Close(1) > c.Open(2)
                && c.Open(1) < c.Close(2)
                && c.Close(0) > c.Close(1))
            {
                return 100;
            }

            return c.Color(1) == -1
                && c.Color(2) == 1
                && c.Open(1) > c.Close(2)
                && c.Close(1) < c.Open(2)
                && c.Close(0) < c.Close(1)
                ? -100
                : 0;
        }
    }
}
