using System.Collections.Concurrent;
using Tradewind.Core;

namespace Tradewind.MarketData;

/// <summary>
/// Candles on demand: serves a range from the store and fetches from the venue only what the store's coverage lacks.
/// Only closed bars are stored (a bar whose close time is after now is never asked for), so a stored bar never changes
/// and a range fetched once is never fetched again, even when the venue had no bars in it.
/// </summary>
public sealed class CandleService
{
    private readonly ICandleStore _store;
    private readonly ProviderRegistry _providers;
    private readonly TimeProvider _time;

    // One fetch per series at a time: a second caller waits, then finds the range covered instead of fetching it again.
    private readonly ConcurrentDictionary<(Ticker, Timeframe), SemaphoreSlim> _seriesGates = new();

    public CandleService(ICandleStore store, ProviderRegistry providers, TimeProvider time)
    {
        _store = store;
        _providers = providers;
        _time = time;
    }

    /// <summary>
    /// Source bars per provider call and store transaction. A long missing range is fetched in slices of this size, so
    /// an interrupted multi-year download keeps the slices it finished (100,000 one-minute bars are ~70 days, ~5 MB).
    /// </summary>
    internal int SliceBars { get; init; } = 100_000;

    /// <summary>
    /// Bars of <paramref name="ticker"/> whose open time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>),
    /// fetching the parts the store has not covered yet. Each fetched part (or slice of a long part) is stored with its
    /// coverage in one transaction, so an interrupted call keeps what it finished and the next call resumes from there.
    /// </summary>
    public async Task<FetchResult> GetCandlesAsync(
        Ticker ticker, Timeframe timeframe, long fromMs, long toMs, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        if (toMs <= fromMs)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"The range [{TimeFormat.ToIso(Math.Max(fromMs, 0))}, {TimeFormat.ToIso(Math.Max(toMs, 0))}) is empty: 'to' must be after 'from'.",
                "Pass a 'from' earlier than 'to', e.g. from 2024-01-01 to 2024-02-01.");
        }

        var provider = _providers.Get(ticker.Exchange);
        var source = ChooseSourceTimeframe(provider, ticker, timeframe);

        // Bars opening before the current bar's open are closed; nothing later is asked for or stored.
        // Times before 1970 hold no market data; clamping also keeps calendar arithmetic in range.
        var closedEnd = timeframe.Floor(_time.GetUtcNow().ToUnixTimeMilliseconds());
        var from = Math.Max(fromMs, 0);
        var to = Math.Min(toMs, closedEnd);
        var first = to > from ? AlignUp(timeframe, from) : 0;
        var end = to > from ? AlignUp(timeframe, to) : 0;
        if (end <= first)
        {
            return new FetchResult(CandleSeries.Empty, source, 0, 0, [], 0);
        }

        var gate = _seriesGates.GetOrAdd((ticker, timeframe), static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var coverage = await _store.GetCoverageAsync(ticker, timeframe, cancellationToken);
            var missing = WholeBars(timeframe, TimeRange.Subtract(new TimeRange(first, end), coverage));
            long missingMs = 0;
            foreach (var part in missing)
            {
                missingMs += part.Length;
            }

            long barsFetched = 0, barsStored = 0, doneMs = 0;
            var requests = 0;
            for (var i = 0; i < missing.Count; i++)
            {
                var part = missing[i];
                for (var sliceFrom = part.From; sliceFrom < part.To;)
                {
                    var slice = new TimeRange(sliceFrom, SliceEnd(timeframe, source, sliceFrom, part.To));
                    var sliceProgress = progress is null ? null : new PartProgress(progress, source, i + 1, missing.Count, slice, doneMs, missingMs);
                    var raw = await provider.GetCandlesAsync(ticker, source, slice.From, slice.To, sliceProgress, cancellationToken);
                    requests++;
                    barsFetched += raw.Count;

                    // A venue that returns bars outside the asked range must not write outside the range recorded as covered.
                    raw = raw.Between(slice.From, slice.To);

                    // Every target bar in the slice is closed, so a target bar missing its last source bars (an outage) is
                    // still complete: keep it rather than drop it and mark its range covered.
                    var bars = source == timeframe ? raw : raw.Resample(source, timeframe, includePartial: true);
                    await _store.UpsertAsync(ticker, timeframe, bars, slice, cancellationToken);
                    barsStored += bars.Count;
                    doneMs += slice.Length;
                    progress?.Report(new FetchProgress(i + 1, missing.Count, slice, slice.To, missingMs == 0 ? 1 : (double)doneMs / missingMs));
                    sliceFrom = slice.To;
                }
            }

            var candles = await _store.ReadAsync(ticker, timeframe, first, end, cancellationToken);
            return new FetchResult(candles, source, barsFetched, barsStored, missing, requests);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The timeframe to ask the venue for: the requested one when native, else the coarsest native timeframe that
    /// divides it (every divisor resamples to the same bars; the coarsest needs the fewest).
    /// </summary>
    internal static Timeframe ChooseSourceTimeframe(IMarketDataProvider provider, Ticker ticker, Timeframe timeframe)
    {
        Timeframe? best = null;
        foreach (var native in provider.NativeTimeframes)
        {
            if (native == timeframe)
            {
                return timeframe;
            }

            if (native < timeframe && timeframe.IsMultipleOf(native) && (best is null || native > best.Value))
            {
                best = native;
            }
        }

        if (best is { } found)
        {
            return found;
        }

        var natives = new string[provider.NativeTimeframes.Count];
        for (var i = 0; i < natives.Length; i++)
        {
            natives[i] = provider.NativeTimeframes[i].Name;
        }

        return ThrowHelper.Throw<Timeframe>(
            ErrorCode.DataUnavailable,
            $"{ticker.Exchange.Id()} cannot serve {timeframe} candles for {ticker}: it serves {string.Join(" ", natives)}, and none of them divides {timeframe}.",
            $"Ask for one of {string.Join(" ", natives)}, or a timeframe that is a whole multiple of one of them.");
    }

    /// <summary>End of the slice starting at <paramref name="fromMs"/>: about <see cref="SliceBars"/> source bars, on a target bar boundary.</summary>
    private long SliceEnd(Timeframe timeframe, Timeframe source, long fromMs, long partEnd)
    {
        var span = SliceBars * source.NominalMilliseconds;
        return partEnd - fromMs <= span ? partEnd : Math.Min(partEnd, AlignUp(timeframe, fromMs + span));
    }

    /// <summary>
    /// Widens each part to whole bars. Coverage recorded by other writers may end inside a bar; fetching a part that
    /// starts mid-bar would store that bar from only some of its source bars.
    /// </summary>
    private static List<TimeRange> WholeBars(Timeframe timeframe, IReadOnlyList<TimeRange> parts)
    {
        var result = new List<TimeRange>(parts.Count);
        foreach (var part in parts)
        {
            var from = timeframe.Floor(part.From);
            if (result.Count > 0 && from < result[^1].To)
            {
                from = result[^1].To;
            }

            var to = AlignUp(timeframe, part.To);
            if (to > from)
            {
                result.Add(new TimeRange(from, to));
            }
        }

        return result;
    }

    private static long AlignUp(Timeframe timeframe, long timeMs) =>
        timeframe.IsAligned(timeMs) ? timeMs : timeframe.Next(timeMs);

    /// <summary>Turns the provider's "newest bar so far" into progress over all missing parts.</summary>
    private sealed class PartProgress(
        IProgress<FetchProgress> target, Timeframe source, int part, int parts, TimeRange range, long doneBeforeMs, long missingMs)
        : IProgress<long>
    {
        public void Report(long value)
        {
            var through = Math.Clamp(source.Next(value), range.From, range.To);
            var fraction = missingMs == 0 ? 1 : (double)(doneBeforeMs + (through - range.From)) / missingMs;
            target.Report(new FetchProgress(part, parts, range, through, fraction));
        }
    }
}
