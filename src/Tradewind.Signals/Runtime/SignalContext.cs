using Tradewind.Core;

namespace Tradewind.Signals.Runtime;

/// <summary>
/// What a script runs on: the ticker and timeframe it is evaluated for and their bars (the timeline of the run), plus
/// where to find other data. <see cref="Source"/> serves <c>tf()</c>, <c>ref()</c> and funding; without it, <c>tf()</c>
/// resamples <see cref="Candles"/> and <c>ref()</c> is an error.
/// </summary>
public sealed record SignalContext(Ticker Ticker, Timeframe Timeframe, CandleSeries Candles)
{
    public ISeriesSource? Source { get; init; }

    /// <summary>Funding events of <see cref="Ticker"/>, when the caller holds them; otherwise they come from <see cref="Source"/>.</summary>
    public IReadOnlyList<FundingRate>? Funding { get; init; }
}
