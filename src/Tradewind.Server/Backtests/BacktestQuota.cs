using System.Globalization;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;
using Tradewind.Storage;

namespace Tradewind.Server.Backtests;

/// <summary>
/// Backtests per key per hour and per day, counted in storage so processes sharing a database share the quota. Only
/// accepted backtests count: a refused or failed submission gives its unit back.
/// </summary>
internal sealed class BacktestQuota(IUsageCounterStore counters, IOptions<ServerOptions> options, TimeProvider time)
{
    private static readonly long HourMs = (long)TimeSpan.FromHours(1).TotalMilliseconds;
    private static readonly long DayMs = (long)TimeSpan.FromDays(1).TotalMilliseconds;

    /// <summary>Takes one unit of the key's hourly and daily quota, or throws FREE_QUOTA_EXCEEDED / QUOTA_EXCEEDED.</summary>
    public async Task<QuotaLease> TakeAsync(AgentKey key, CancellationToken cancellationToken)
    {
        var claimed = key.Status == AgentKeyStatus.Claimed;
        var o = options.Value;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hour = new Window("hour", "backtests:hour:" + key.Id, now - (now % HourMs), HourMs, claimed ? o.ClaimedBacktestsPerHour : o.ProvisionalBacktestsPerHour);
        var day = new Window("day", "backtests:day:" + key.Id, now - (now % DayMs), DayMs, claimed ? o.ClaimedBacktestsPerDay : o.ProvisionalBacktestsPerDay);

        var hourCount = await counters.IncrementAsync(hour.Subject, hour.Start, 1, cancellationToken);
        if (hourCount > hour.Limit)
        {
            await counters.IncrementAsync(hour.Subject, hour.Start, -1, CancellationToken.None);
            throw Exceeded(claimed, hour, now);
        }

        var dayCount = await counters.IncrementAsync(day.Subject, day.Start, 1, cancellationToken);
        if (dayCount > day.Limit)
        {
            await counters.IncrementAsync(day.Subject, day.Start, -1, CancellationToken.None);
            await counters.IncrementAsync(hour.Subject, hour.Start, -1, CancellationToken.None);
            throw Exceeded(claimed, day, now);
        }

        return new QuotaLease(this, hour, day);
    }

    private async Task ReturnAsync(Window hour, Window day)
    {
        await counters.IncrementAsync(hour.Subject, hour.Start, -1, CancellationToken.None);
        await counters.IncrementAsync(day.Subject, day.Start, -1, CancellationToken.None);
    }

    private static TradewindException Exceeded(bool claimed, Window window, long now)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling((window.Start + window.LengthMs - now) / 1000.0));
        var limit = window.Limit.ToString(CultureInfo.InvariantCulture);
        return new TradewindException(
            claimed ? ApiErrorCodes.QuotaExceeded : ApiErrorCodes.FreeQuotaExceeded,
            claimed
                ? $"Backtest quota used up: {limit} per {window.Name} for this agent."
                : $"Free backtest quota used up: a provisional key may start {limit} backtests per {window.Name}.",
            claimed
                ? $"Wait {retryAfter} seconds (Retry-After), or ask the server operator to raise Tradewind:ClaimedBacktestsPer{(window.Name == "hour" ? "Hour" : "Day")}."
                : $"Wait {retryAfter} seconds (Retry-After), or have a user claim this agent (POST /api/v1/meta/request-claim) for a larger quota.")
        {
            Details = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["usage"] = window.Limit,
                ["limit"] = window.Limit,
                ["window"] = window.Name,
                [ApiExceptionMiddleware.RetryAfterDetail] = retryAfter,
            },
        };
    }

    internal sealed record Window(string Name, string Subject, long Start, long LengthMs, int Limit);

    /// <summary>One unit of quota; <see cref="ReturnAsync"/> gives it back when the backtest was not queued after all.</summary>
    internal sealed class QuotaLease(BacktestQuota owner, Window hour, Window day)
    {
        public Task ReturnAsync() => owner.ReturnAsync(hour, day);
    }
}
