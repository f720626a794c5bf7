using Tradewind.Core;

namespace Tradewind.MarketData.Import;

/// <summary>The checked bars of a file, before the reader adds where they came from.</summary>
internal sealed record CandleFileContent(
    CandleSeries Candles, Timeframe Timeframe, bool TimeframeInferred, IReadOnlyList<TimeRange> Gaps, long MissingBars, bool NewestFirst);
