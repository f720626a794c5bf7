namespace Tradewind.Indicators.Patterns;

/// <summary>
/// What a pattern remembers between bars. Only the hikkake patterns use it: a hikkake is confirmed up to three bars
/// after it forms, so they keep its signal and the number of bars since.
/// </summary>
internal struct CandlePatternMemory
{
    /// <summary>No pending pattern.</summary>
    public const int None = int.MaxValue;

    public CandlePatternMemory()
    {
    }

    /// <summary>The signal of the last pattern (±100), 0 before any.</summary>
    public int Signal { get; set; }

    /// <summary>Bars from the last unconfirmed pattern to the last bar seen, or <see cref="None"/>.</summary>
    public int BarsSince { get; set; } = None;
}
