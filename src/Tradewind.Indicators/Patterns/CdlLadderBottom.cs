using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Ladder Bottom (TA-Lib CDLLADDERBOTTOM): three falling black candles, a black candle with an upper shadow, then a
/// white candle closing above its high.
/// </summary>
public static class CdlLadderBottom
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
        "cdl_ladderbottom",
        "CDLLADDERBOTTOM",
        "Ladder Bottom",
        "Three black candles with lower opens and closes, a fourth black candle with an upper shadow, then a white candle opening above its body and closing above its high; bullish (TA-Lib CDLLADDERBOTTOM; Steve Nison).",
        "100 on a ladder bottom, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(ShadowVeryShort, 1)];

        public static int Lookback => ShadowVeryShort.AveragePeriod + 4;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(4) == -1 && c.Color(3) == -1 && c.Color(2) == -1
                && c.Open(4) > c.Open(3) && c.Open(3) > c.Open(2)
                && c.Close(4) > c.Close(3) && c.Close(3) > c.Close(2)
                && c.Color(1) == -1
                && c.UpperShadow(1) > average[0]
                && c.Color(0) == 1
                && c.Open(0) > c.Open(1)
                && c.Close(0) > c.High(1)
                ? 100
                : 0;
        }
    }
}
