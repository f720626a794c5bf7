using Tradewind.Core;
using Tradewind.Server.Http;
using Tradewind.Storage;

namespace Tradewind.Server.Identity;

/// <summary>
/// Fixed-window limits counted in storage (<see cref="IUsageCounterStore"/>), so every process sharing a PostgreSQL
/// database enforces one limit. Refusals carry <c>retry_after_seconds</c> (sent as Retry-After) and {usage, limit}.
/// </summary>
public sealed class RequestLimiter(IUsageCounterStore counters, TimeProvider time)
{
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
    }
}
