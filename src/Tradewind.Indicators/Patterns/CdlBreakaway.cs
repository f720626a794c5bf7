using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Breakaway (TA-Lib CDLBREAKAWAY): a long candle, a gap, three candles extending the move, then an opposite candle
/// closing inside the gap.
/// </summary>
public static class CdlBreakaway
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
        "cdl_breakaway",
        "CDLBREAKAWAY",
        "Breakaway",
        "A long candle, a same-coloured candle gapping away, two more candles pushing further, then an opposite candle closing back inside the gap; reversal (TA-Lib CDLBREAKAWAY; Steve Nison).",
        "+100 bullish / -100 bearish breakaway, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 4)];

        public static int Lookback => BodyLong.AveragePeriod + 4;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(4);
            return c.RealBody(4) > average[0]
                && color == c.Color(3)
                && c.Color(3) == c.Color(1)
                && c.Color(1) == -c.Color(0)
                && ((color == -1
                        && c.RealBodyGapDown(3, 4)
                        && c.High(2) < c.High(3) && c.Low(2) < c.Low(3)
                        && c.High(1) < c.High(2) && c.Low(1) < c.Low(2)
                        && c.Close(0) > c.Open(3) && c.Close(0) < c.Close(4))
                    || (color == 1
                        && c.RealBodyGapUp(3, 4)
                        && c.High(2) > c.High(3) && c.Low(2) > c.Low(3)
                        && c.High(1) > c.High(2) && c.Low(1) > c.Low(2)
                        && c.Close(0) < c.Open(3) && c.Close(0) > c.Close(4)))
                ? c.Color(0) * 100
                : 0;
        }
    }
}
