using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Spinning Top (TA-Lib CDLSPINNINGTOP): a small real body with shadows longer than the body on both sides.
/// </summary>
public static class CdlSpinningTop
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
        "cdl_spinningtop",
        "CDLSPINNINGTOP",
        "Spinning Top",
        "A small real body with both shadows longer than the body: indecision (TA-Lib CDLSPINNINGTOP; Steve Nison).",
        "+100 on a white spinning top, -100 on a black one, else 0 (the sign is the colour, not a forecast).");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(BodyShort, 0)];

        public static int Lookback => BodyShort.AveragePeriod;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            var body = c.RealBody(0);
            return body < average[0] && c.UpperShadow(0) > body && c.LowerShadow(0) > body ? c.Color(0) * 100 : 0;
        }
    }
}
