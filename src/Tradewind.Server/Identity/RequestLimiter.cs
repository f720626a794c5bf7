using System.Collections.Concurrent;
using Tradewind.Core;
using Tradewind.Server.Http;
using Tradewind.Storage;

namespace Tradewind.Server.Identity;

/// <summary>
/// Fixed-window limits counted in storage (<see cref="IUsageCounterStore"/>), so every process sharing a PostgreSQL
/// database enforces one limit. Refusals carry <c>retry_after_seconds</c> (sent as Retry-After) and {usage, limit}.
/// </summary>
/// <remarks>
/// The per-minute request rate is the one limit checked on every request. On SQLite, which only one process can
/// serve, it is counted in memory: a database write per request would serialise every request on SQLite's single
/// write lock, and a per-minute count has nothing worth keeping across a restart. Quotas and registration limits
/// stay in storage.
/// </remarks>
public sealed class RequestLimiter(IUsageCounterStore counters, TimeProvider time, TradewindDatabase database)
{
    private const int LocalCounterSweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, LocalWindow> _local = new(StringComparer.Ordinal);

    /// <summary>Counts one request of <paramref name="subject"/> against a per-window rate limit.</summary>
    public Task EnforceRateAsync(
        string subject, int limit, TimeSpan window, string code, string message, string suggestion, CancellationToken cancellationToken)
    {
        if (database.Dialect != SqlDialect.Sqlite)
        {
            return EnforceAsync(subject, limit, window, code, message, suggestion, cancellationToken);
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var start = now - (now % windowMs);
        if (_local.Count > LocalCounterSweepThreshold)
        {
            foreach (var (key, old) in _local)
            {
                if (old.Start < start)
                {
                    _local.TryRemove(key, out _);
                }
            }
        }

        var counter = _local.GetOrAdd(subject, static _ => new LocalWindow());
        long count;
        lock (counter)
        {
            if (counter.Start != start)
            {
                counter.Start = start;
                counter.Count = 0;
            }

            count = ++counter.Count;
        }

        if (count > limit)
        {
            Refuse(code, message, suggestion, count, limit, start, windowMs, now);
        }

        return Task.CompletedTask;
    }

    /// <summary>Counts one use of <paramref name="subject"/>; throws <paramref name="code"/> once it passes <paramref name="limit"/>.</summary>
    public async Task EnforceAsync(
        string subject, int limit, TimeSpan window, string code, string message, string suggestion, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var start = now - (now % windowMs);
        var count = await counters.IncrementAsync(subject, start, 1, cancellationToken);
        if (count > limit)
        {
            Refuse(code, message, suggestion, count, limit, start, windowMs, now);
        }
    }

    private static void Refuse(string code, string message, string suggestion, long count, int limit, long start, long windowMs, long now)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling((start + windowMs - now) / 1000.0));
        throw new TradewindException(code, message, suggestion)
        {
            Details = new Dictionary<string, object?>
            {
                ["usage"] = Math.Min(count, limit),
                ["limit"] = limit,
                [ApiExceptionMiddleware.RetryAfterDetail] = retryAfter,
            },
        };
    }

    private sealed class LocalWindow
    {
        public long Start { get; set; } = long.MinValue;

        public long Count { get; set; }
    }
}
