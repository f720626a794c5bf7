using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradewind.Storage;

namespace Tradewind.Server.Hosting;

/// <summary>
/// Housekeeping every ten minutes: deletes provisional keys that expired unclaimed over a week ago, expired sessions, and usage
/// counters older than two days (the longest window is a day). Idempotent, so several processes may all run it.
/// </summary>
internal sealed class MaintenanceService(
    IAgentKeyStore keys, IUserStore users, IUsageCounterStore counters, TimeProvider time, ILogger<MaintenanceService> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ExpiredKeyGrace = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                // Expired keys are kept a week so their owner gets EXPIRED_API_KEY, not a puzzling INVALID_API_KEY.
                var expiredKeys = await keys.DeleteExpiredProvisionalAsync(now - (long)ExpiredKeyGrace.TotalMilliseconds, stoppingToken);
                var expiredSessions = await users.DeleteExpiredSessionsAsync(now, stoppingToken);
                await counters.PurgeBeforeAsync(now - (long)TimeSpan.FromDays(2).TotalMilliseconds, stoppingToken);
                if (expiredKeys + expiredSessions > 0)
                {
                    logger.LogInformation("Removed {Keys} expired provisional keys and {Sessions} expired sessions.", expiredKeys, expiredSessions);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (System.Data.Common.DbException ex)
            {
                // The database may be briefly unavailable (a PostgreSQL restart); the next round retries.
                logger.LogWarning("Housekeeping failed ({Type}: {Message}); retrying in {Minutes} minutes.", ex.GetType().Name, ex.Message, Interval.TotalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
