using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Concealing Baby Swallow (TA-Lib CDLCONCEALBABYSWALL): two black marubozu, a black candle gapping down with an upper
/// shadow into the prior body, then a black candle engulfing it.
/// </summary>
public static class CdlConcealBabySwall
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
        "cdl_concealbabyswall",
        "CDLCONCEALBABYSWALL",
        "Concealing Baby Swallow",
        "Two black marubozu, a black candle gapping down whose upper shadow reaches into the previous body, and a black candle engulfing it shadows included; bullish (TA-Lib CDLCONCEALBABYSWALL; Steve Nison).",
        "100 on a concealing baby swallow, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(ShadowVeryShort, 3),
            new(ShadowVeryShort, 2),
            new(ShadowVeryShort, 1),
        ];

        public static int Lookback => ShadowVeryShort.AveragePeriod + 3;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(3) == -1
                && c.Color(2) == -1
                && c.Color(1) == -1
                && c.Color(0) == -1
                && c.LowerShadow(3) < average[0]
                && c.UpperShadow(3) < average[0]
                && c.LowerShadow(2) < average[1]
                && c.UpperShadow(2) < average[1]
                && c.RealBodyGapDown(1, 2)
                && c.UpperShadow(1) > average[2]
                && c.High(1) > c.Close(2)
                && c.High(0) > c.High(1) && c.Low(0) < c.Low(1)
                ? 100
                : 0;
        }
    }
}
