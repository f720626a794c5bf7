using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Three Black Crows (TA-Lib CDL3BLACKCROWS): after a white candle, three black candles with falling closes, each
/// opening within the previous body.
/// </summary>
public static class Cdl3BlackCrows
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
        "cdl_3blackcrows",
        "CDL3BLACKCROWS",
        "Three Black Crows",
        "A white candle, then three black candles with very short lower shadows and lower closes, each opening within the previous real body, the first closing under the white candle's high; bearish (TA-Lib CDL3BLACKCROWS; Steve Nison).",
        "-100 on three black crows, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(ShadowVeryShort, 2),
            new(ShadowVeryShort, 1),
            new(ShadowVeryShort, 0),
        ];

        public static int Lookback => ShadowVeryShort.AveragePeriod + 3;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(3) == 1
                && c.Color(2) == -1
                && c.LowerShadow(2) < average[0]
                && c.Color(1) == -1
                && c.LowerShadow(1) < average[1]
                && c.Color(0) == -1
                && c.LowerShadow(0) < average[2]
                && c.Open(1) < c.Open(2) && c.Open(1) > c.Close(2)
                && c.Open(0) < c.Open(1) && c.Open(0) > c.Close(1)
                && c.High(3) > c.Close(2)
                && c.Close(2) > c.Close(1)
                && c.Close(1) > c.Close(0)
                ? -100
                : 0;
        }
    }
}
