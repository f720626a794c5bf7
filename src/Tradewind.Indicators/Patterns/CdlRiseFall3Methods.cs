using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Rising/Falling Three Methods (TA-Lib CDLRISEFALL3METHODS): a long candle, three small opposite candles drifting back
/// inside its range, then a long candle resuming the move.
/// </summary>
public static class CdlRiseFall3Methods
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
        "cdl_risefall3methods",
        "CDLRISEFALL3METHODS",
        "Rising/Falling Three Methods",
        "A long candle, three short candles of the opposite colour moving against it but staying within its range, then a long candle of the first colour opening beyond the last close and closing beyond the first close; continuation (TA-Lib CDLRISEFALL3METHODS; Steve Nison).",
        "+100 rising three methods / -100 falling three methods, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList =
        [
            new(BodyLong, 4),
            new(BodyShort, 3),
            new(BodyShort, 2),
            new(BodyShort, 1),
            new(BodyLong, 0),
        ];

        public static int Lookback => LongestPeriod(BodyShort, BodyLong) + 4;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var color = c.Color(4);
            return c.RealBody(4) > average[0]
                && c.RealBody(3) < average[1]
                && c.RealBody(2) < average[2]
                && c.RealBody(1) < average[3]
                && c.RealBody(0) > average[4]
                && color == -c.Color(3)
                && c.Color(3) == c.Color(2)
                && c.Color(2) == c.Color(1)
                && c.Color(1) == -c.Color(0)
                && c.BodyBottom(3) < c.High(4) && c.BodyTop(3) > c.Low(4)
                && c.BodyBottom(2) < c.High(4) && c.BodyTop(2) > c.Low(4)
                && c.BodyBottom(1) < c.High(4) && c.BodyTop(1) > c.Low(4)
                && c.Close(2) * color < c.Close(3) * color
                && c.Close(1) * color < c.Close(2) * color
                && c.Open(0) * color > c.Close(1) * color
                && c.Close(0) * color > c.Close(4) * color
                ? 100 * color
                : 0;
        }
    }
}
