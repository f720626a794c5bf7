using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Tasuki Gap (TA-Lib CDLTASUKIGAP): after a gap, two opposite candles of similar size, the second closing inside the
/// gap.
/// </summary>
public static class CdlTasukiGap
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
        "cdl_tasukigap",
        "CDLTASUKIGAP",
        "Tasuki Gap",
        "A body gap followed by a candle in the gap's direction and an opposite candle of about the same size that opens inside it and closes inside the gap without filling it; continuation (TA-Lib CDLTASUKIGAP; Steve Nison).",
        "+100 upside tasuki gap / -100 downside, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(Near, 1)];

        public static int Lookback => Near.AveragePeriod + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var similar = Math.Abs(c.RealBody(1) - c.RealBody(0)) < average[0];
            var upside = c.RealBodyGapUp(1, 2)
                && c.Color(1) == 1
                && c.Color(0) == -1
                && c.Open(0) < c.Close(1) && c.Open(0) > c.Open(1)
                && c.Close(0) < c.Open(1)
                && c.Close(0) > c.BodyTop(2)
                && similar;
            var downside = c.RealBodyGapDown(1, 2)
                && c.Color(1) == -1
                && c.Color(0) == 1
                && c.Open(0) < c.Open(1) && c.Open(0) > c.Close(1)
                && c.Close(0) > c.Open(1)
                && c.Close(0) < c.BodyBottom(2)
                && similar;
            return upside || downside ? c.Color(1) * 100 : 0;
        }
    }
}
