using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Three-Line Strike (TA-Lib CDL3LINESTRIKE): three candles of one colour stepping in one direction, then one opposite
/// candle erasing them.
/// </summary>
public static class Cdl3LineStrike
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
        "cdl_3linestrike",
        "CDL3LINESTRIKE",
        "Three-Line Strike",
        "Three same-coloured candles with rising (white) or falling (black) closes, each opening within or near the previous body, then an opposite candle opening beyond the third close and closing beyond the first open (TA-Lib CDL3LINESTRIKE; Thomas Bulkowski).",
        "+100 when the three are white / -100 when black (TA-Lib signs it by the three, not the strike), else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(Near, 3), new(Near, 2)];

        public static int Lookback => Near.AveragePeriod + 3;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(1);
            var whiteStruck = color == 1
                && c.Close(1) > c.Close(2) && c.Close(2) > c.Close(3)
                && c.Open(0) > c.Close(1)
                && c.Close(0) < c.Open(3);
            var blackStruck = color == -1
                && c.Close(1) < c.Close(2) && c.Close(2) < c.Close(3)
                && c.Open(0) < c.Close(1)
                && c.Close(0) > c.Open(3);
            return c.Color(3) == c.Color(2)
                && c.Color(2) == color
                && c.Color(0) == -color
                && c.Open(2) >= c.BodyBottom(3) - average[0]
                && c.Open(2) <= c.BodyTop(3) + average[0]
                && c.Open(1) >= c.BodyBottom(2) - average[1]
                && c.Open(1) <= c.BodyTop(2) + average[1]
                && (whiteStruck || blackStruck)
                ? color * 100
                : 0;
        }
    }
}
