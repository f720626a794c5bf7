using Tradewind.Core;

namespace Tradewind.MarketData;

/// <summary>What the store holds for one (ticker, timeframe).</summary>
public sealed record SeriesInfo(Ticker Ticker, Timeframe Timeframe, long Count, long? FirstTime, long? LastTime, IReadOnlyList<TimeRange> Coverage);
