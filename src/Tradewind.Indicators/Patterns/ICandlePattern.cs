namespace Tradewind.Indicators.Patterns;

/// <summary>
/// One candlestick pattern as a small kernel. <see cref="CandlePatternEngine"/> keeps the running totals of the
/// pattern's <see cref="Averages"/> and calls <see cref="Recognize"/> once per bar; implementations are structs so
/// the JIT specialises the engine for each pattern with no indirect call per bar.
/// </summary>
internal interface ICandlePattern
{
    /// <summary>TA-Lib's lookback for the pattern (TA_CDLxxx_Lookback with the default candle settings).</summary>
    static abstract int Lookback { get; }

    /// <summary>
    /// Bars before <see cref="Lookback"/> on which the pattern already runs without output, to build up its
    /// <see cref="CandlePatternMemory"/> (TA-Lib's hikkake functions pre-scan three bars).
    /// </summary>
    static virtual int Preroll => 0;

    /// <summary>
    /// The settings the pattern compares against, each on a given candle; at most
    /// <see cref="CandlePatternEngine.MaxAverages"/>.
    /// </summary>
    static abstract ReadOnlySpan<CandleAverage> Averages { get; }

    /// <summary>
    /// The signal at the current candle of <paramref name="candles"/>: TA-Lib's integer (+100 bullish, -100 bearish, 0
    /// none; ±80 or ±200 where TA-Lib grades it). <paramref name="averages"/> holds the threshold of each of
    /// <see cref="Averages"/>, in order; <paramref name="memory"/> carries state from bar to bar for the few patterns
    /// that need it.
    /// </summary>
    static abstract int Recognize(
        scoped in CandleWindow candles, ReadOnlySpan<double> averages, double penetration, ref CandlePatternMemory memory);
}
