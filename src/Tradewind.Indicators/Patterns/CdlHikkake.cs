namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Hikkake Pattern (TA-Lib CDLHIKKAKE): an inside bar followed by a false breakout, and its confirmation within three
/// bars.
/// </summary>
public static class CdlHikkake
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
        "cdl_hikkake",
        "CDLHIKKAKE",
        "Hikkake Pattern",
        "An inside bar, then a bar breaking out of it on both high and low (the false move); confirmed when, within three bars, price closes beyond the inside bar the other way (TA-Lib CDLHIKKAKE; Daniel Chesler).",
        "+100 bullish / -100 bearish hikkake; +200 / -200 on the bar that confirms it; else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        public static int Lookback => 5;

        // TA-Lib scans three bars before the first output so a pattern there can still be confirmed.
        public static int Preroll => 3;

        public static ReadOnlySpan<CandleAverage> Averages => [];

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            if (c.High(1) < c.High(2) && c.Low(1) > c.Low(2)
                && ((c.High(0) < c.High(1) && c.Low(0) < c.Low(1)) || (c.High(0) > c.High(1) && c.Low(0) > c.Low(1))))
            {
                memory.Signal = c.High(0) < c.High(1) ? 100 : -100;
                memory.BarsSince = 0;
                return memory.Signal;
            }

            return Confirm(c, ref memory);
        }
    }

    /// <summary>
    /// A hikkake formed up to three bars ago is confirmed by a close beyond the inside bar (the bar before the
    /// breakout): above its high for a bullish one, below its low for a bearish one. Confirmation doubles the signal.
    /// </summary>
    internal static int Confirm(scoped in CandleWindow c, ref CandlePatternMemory memory)
    {
        var since = memory.BarsSince == CandlePatternMemory.None ? CandlePatternMemory.None : memory.BarsSince + 1;
        memory.BarsSince = since;
        if (since <= 3
            && ((memory.Signal > 0 && c.Close(0) > c.High(since + 1))
                || (memory.Signal < 0 && c.Close(0) < c.Low(since + 1))))
        {
            memory.BarsSince = CandlePatternMemory.None;
            return memory.Signal + (memory.Signal > 0 ? 100 : -100);
        }

        return 0;
    }
}
