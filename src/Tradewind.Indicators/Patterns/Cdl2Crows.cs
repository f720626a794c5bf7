using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Two Crows (TA-Lib CDL2CROWS): a long white candle, a black one gapping up, then a black one closing inside the first
/// body.
/// </summary>
public static class Cdl2Crows
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
        "cdl_2crows",
        "CDL2CROWS",
        "Two Crows",
        "A long white candle, a black candle whose body gaps above it, and a second black candle opening inside the first black body and closing inside the white body; bearish (TA-Lib CDL2CROWS; Steve Nison).",
        "-100 on two crows, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyLong, 2)];

        public static int Lookback => BodyLong.AveragePeriod + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(2) == 1
                && c.RealBody(2) > average[0]
                && c.Color(1) == -1
                && c.RealBodyGapUp(1, 2)
                && c.Color(0) == -1
                && c.Open(0) < c.Open(1) && c.Open(0) > c.Close(1)
                && c.Close(0) > c.Open(2) && c.Close(0) < c.Close(2)
                ? -100
                : 0;
        }
    }
}
