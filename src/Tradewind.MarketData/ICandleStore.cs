using Tradewind.Core;

namespace Tradewind.MarketData;

/// <summary>
/// Candles keyed by (ticker, timeframe). Writes are idempotent, atomic upserts. The store also records which time
/// ranges have been fetched (its coverage), so a range the venue has no bars for is not fetched again.
/// </summary>
public interface ICandleStore : IDisposable
{
    /// <summary>
    /// Inserts or replaces the bars of <paramref name="candles"/> and marks <paramref name="covered"/> as fetched, in
    /// one transaction. Bars must be aligned to <paramref name="timeframe"/> and strictly increasing.
    /// </summary>
    Task UpsertAsync(Ticker ticker, Timeframe timeframe, CandleSeries candles, TimeRange? covered, CancellationToken cancellationToken);

    /// <summary>Bars whose open time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>), oldest first.</summary>
    Task<CandleSeries> ReadAsync(Ticker ticker, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken);

    /// <summary>The fetched ranges of one series, merged and sorted.</summary>
    Task<IReadOnlyList<TimeRange>> GetCoverageAsync(Ticker ticker, Timeframe timeframe, CancellationToken cancellationToken);

    /// <summary>Every stored series.</summary>
    Task<IReadOnlyList<SeriesInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Ranges of missing bars between the first and last stored bar within [from, to).</summary>
    Task<IReadOnlyList<TimeRange>> FindGapsAsync(Ticker ticker, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken);
}
