namespace Tradewind.Indicators.Overlap;

/// <summary>A single-input, single-output streaming average, for indicators composed of moving averages.</summary>
public interface IMovingAverageState
{
    bool IsReady { get; }

    /// <summary>Consumes one value; NaN while warming up.</summary>
    double Update(double value);

    void Reset();
}
