using Tradewind.Core;

namespace Tradewind.MarketData;

/// <summary>
/// What <see cref="CandleService.GetCandlesAsync"/> returned and what it had to fetch for it.
/// </summary>
/// <param name="Candles">Every stored bar of the requested range (closed bars only), oldest first.</param>
/// <param name="SourceTimeframe">The timeframe asked of the venue: the requested one, or a native one that divides it.</param>
/// <param name="BarsFetched">Bars the venue returned, in <paramref name="SourceTimeframe"/>.</param>
/// <param name="BarsStored">Bars written to the store, in the requested timeframe (after resampling).</param>
/// <param name="RangesFetched">The missing ranges that were fetched; empty when the store already had everything.</param>
/// <param name="Requests">Calls made to the venue's provider: one per missing range, or per slice of a long one (the provider pages inside each).</param>
public sealed record FetchResult(
    CandleSeries Candles,
    Timeframe SourceTimeframe,
    long BarsFetched,
    long BarsStored,
    IReadOnlyList<TimeRange> RangesFetched,
    int Requests)
{
    /// <summary>True when everything came from the store.</summary>
    public bool FromStoreOnly => Requests == 0;
}
