using static Tradewind.Indicators.Patterns.CandleSettings;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Stick Sandwich (TA-Lib CDLSTICKSANDWICH): two black candles with equal closes around a white candle trading above
/// the first close.
/// </summary>
public static class CdlStickSandwich
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
        "cdl_sticksandwich",
        "CDLSTICKSANDWICH",
        "Stick Sandwich",
        "A black candle, a white candle trading above its close, and a black candle closing where the first closed: support holding; bullish (TA-Lib CDLSTICKSANDWICH; Steve Nison).",
        "100 on a stick sandwich, else 0.");

    private readonly struct Pattern : ICandlePattern
    {
        private static readonly CandleAverage[] AverageList = [new(Equal, 2)];

        public static int Lookback => Equal.AveragePeriod + 2;

        public static ReadOnlySpan<CandleAverage> Averages => AverageList;

        public static int Recognize(
            scoped in CandleWindow c, ReadOnlySpan<double> average, double penetration, ref CandlePatternMemory memory)
        {
            return c.Color(2) == -1
                && c.Color(1) == 1
                && c.Color(0) == -1
                && c.Low(1) > c.Close(2)
                && c.Close(0) <= c.Close(2) + average[0]
                && c.Close(0) >= c.Close(2) - average[0]
                ? 100
                : 0;
        }
    }
}
