using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Homing Pigeon (TA-Lib CDLHOMINGPIGEON): a short black candle inside the body of the long black candle before it.
/// </summary>
public static class CdlHomingPigeon
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
        "cdl_homingpigeon",
        "CDLHOMINGPIGEON",
        "Homing Pigeon",
        "A long black candle followed by a short black candle whose body lies inside the first body; bullish after a decline (TA-Lib CDLHOMINGPIGEON; Greg Morris).",
        "100 on a homing pigeon, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 1), new(BodyShort, 0)];

        public static int Lookback => LongestPeriod(BodyShort, BodyLong) + 1;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(1) == -1
                && c.Color(0) == -1
                && c.RealBody(1) > average[0]
                && c.RealBody(0) <= average[1]
                && c.Open(0) < c.Open(1)
                && c.Close(0) > c.Close(1)
                ? 100
                : 0;
        }
    }
}
