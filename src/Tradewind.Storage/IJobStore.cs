namespace Tradewind.Storage;

/// <summary>
/// A durable job queue. Workers claim jobs atomically (on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// processes can share the queue), report progress through heartbeats, and finish them. Every state change after
/// the claim is conditional on the job still being this worker's running job, so a cancelled or recovered job is
/// never overwritten by a late worker.
/// </summary>
public interface IJobStore
{
    Task EnqueueAsync(JobRecord job, CancellationToken cancellationToken);

    Task<JobRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Claims the oldest queued job of <paramref name="kind"/>, or returns null when there is none.</summary>
    Task<JobRecord?> TryClaimNextAsync(string kind, string workerId, long nowMs, CancellationToken cancellationToken);

    /// <summary>Records progress and liveness; false when the job is no longer this worker's (cancelled, recovered).</summary>
    Task<bool> HeartbeatAsync(string id, string workerId, double progress, long nowMs, CancellationToken cancellationToken);

    Task<bool> CompleteAsync(string id, string workerId, string resultId, long nowMs, CancellationToken cancellationToken);

    Task<bool> FailAsync(string id, string workerId, string message, long nowMs, CancellationToken cancellationToken);

    /// <summary>Cancels a queued or running job; false when it is already finished or does not exist.</summary>
    Task<bool> CancelAsync(string id, string message, long nowMs, CancellationToken cancellationToken);

    /// <summary>
    /// Running jobs whose heartbeat is older than <paramref name="staleBeforeMs"/> (their worker died or was stopped):
    /// queued again, or failed with a reason once they have been started <paramref name="maxAttempts"/> times.
    /// </summary>
    Task<JobRecovery> RecoverStaleAsync(long staleBeforeMs, int maxAttempts, long nowMs, CancellationToken cancellationToken);

    /// <summary>
    /// Puts this worker's running jobs back in the queue (a graceful shutdown), without counting the attempt.
    /// </summary>
    Task<int> ReleaseAsync(string workerId, long nowMs, CancellationToken cancellationToken);
}
