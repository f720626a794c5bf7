namespace Tradewind.Indicators;

/// <summary>
/// The streaming form of an indicator: one bar at a time, with outputs bit-for-bit equal to the batch kernel's.
/// </summary>
public interface IIndicatorState
{
    /// <summary>Bars consumed before the first output: the TA-Lib lookback plus one.</summary>
    int WarmUpPeriod { get; }

    /// <summary>True once an output has been produced.</summary>
    bool IsReady { get; }

    /// <summary>
    /// Consumes one bar. <paramref name="inputs"/> holds one value per definition input, in order; outputs get one
    /// value per definition output (NaN while warming up). <paramref name="time"/> is the bar open time (Unix ms).
    /// </summary>
    void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs);

    /// <summary>Back to the state before the first bar.</summary>
    void Reset();
}
