using Dapper;

namespace Tradewind.Storage;

/// <summary><see cref="IJobStore"/> on SQLite (one writer at a time) or PostgreSQL (<c>SKIP LOCKED</c> claims).</summary>
public sealed class SqlJobStore(TradewindDatabase database) : IJobStore
{
    private const string Columns =
        "id, kind, owner_key_id, status, payload, progress, result_id, message, attempts, worker_id, created_at, updated_at, started_at, finished_at, heartbeat_at";

    public async Task EnqueueAsync(JobRecord job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO jobs ({Columns})
            VALUES (@Id, @Kind, @OwnerKeyId, @Status, @Payload, @Progress, @ResultId, @Message, @Attempts, @WorkerId, @CreatedAt, @UpdatedAt, @StartedAt, @FinishedAt, @HeartbeatAt)
            """,
            job with { Status = JobStatus.Queued },
            cancellationToken: cancellationToken));
    }

    public async Task<JobRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<JobRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM jobs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<JobRecord?> TryClaimNextAsync(string kind, string workerId, long nowMs, CancellationToken cancellationToken)
    {
        // PostgreSQL: SKIP LOCKED lets concurrent workers each take a different row without waiting on each other.
        // SQLite has one writer at a time, so the sub-select and the update cannot interleave with another claim.
        var lockClause = database.Dialect == SqlDialect.PostgreSql ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<JobRecord>(new CommandDefinition(
            $"""
            UPDATE jobs
            SET status = @running, worker_id = @workerId, attempts = attempts + 1,
                started_at = @nowMs, heartbeat_at = @nowMs, updated_at = @nowMs
            WHERE id = (SELECT id FROM jobs WHERE kind = @kind AND status = @queued ORDER BY created_at, id LIMIT 1 {lockClause})
              AND status = @queued
            RETURNING {Columns}
            """,
            new { running = JobStatus.Running, queued = JobStatus.Queued, workerId, nowMs, kind },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> HeartbeatAsync(string id, string workerId, double progress, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET progress = @progress, heartbeat_at = @nowMs, updated_at = @nowMs
            WHERE id = @id AND worker_id = @workerId AND status = @running
            """,
            new { progress = Math.Clamp(progress, 0, 1), nowMs, id, workerId, running = JobStatus.Running },
            cancellationToken: cancellationToken)) == 1;
    }

    public Task<bool> CompleteAsync(string id, string workerId, string resultId, long nowMs, CancellationToken cancellationToken) =>
        FinishAsync(id, workerId, JobStatus.Completed, resultId, null, nowMs, cancellationToken);

    public Task<bool> FailAsync(string id, string workerId, string message, long nowMs, CancellationToken cancellationToken) =>
        FinishAsync(id, workerId, JobStatus.Failed, null, message, nowMs, cancellationToken);

    public async Task<bool> CancelAsync(string id, string message, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET status = @cancelled, message = @message, finished_at = @nowMs, updated_at = @nowMs
            WHERE id = @id AND status IN (@queued, @running)
            """,
            new { cancelled = JobStatus.Cancelled, message, nowMs, id, queued = JobStatus.Queued, running = JobStatus.Running },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<JobRecovery> RecoverStaleAsync(long staleBeforeMs, int maxAttempts, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var tx = await TradewindDatabase.BeginWriteAsync(connection, cancellationToken);
        var failed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs
            SET status = @failed, finished_at = @nowMs, updated_at = @nowMs, worker_id = NULL,
                message = 'The job was interrupted ' || CAST(attempts AS TEXT) || ' times (its server stopped while running it) and was not retried again.'
            WHERE status = @running AND heartbeat_at < @staleBeforeMs AND attempts >= @maxAttempts
            """,
            new { failed = JobStatus.Failed, nowMs, running = JobStatus.Running, staleBeforeMs, maxAttempts },
            tx,
            cancellationToken: cancellationToken));
        var requeued = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET status = @queued, worker_id = NULL, progress = 0, updated_at = @nowMs
            WHERE status = @running AND heartbeat_at < @staleBeforeMs
            """,
            new { queued = JobStatus.Queued, nowMs, running = JobStatus.Running, staleBeforeMs },
            tx,
            cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return new JobRecovery(requeued, failed);
    }

    public async Task<int> ReleaseAsync(string workerId, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET status = @queued, worker_id = NULL, progress = 0, updated_at = @nowMs,
                attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END
            WHERE status = @running AND worker_id = @workerId
            """,
            new { queued = JobStatus.Queued, nowMs, running = JobStatus.Running, workerId },
            cancellationToken: cancellationToken));
    }

    private async Task<bool> FinishAsync(
        string id, string workerId, string status, string? resultId, string? message, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET status = @status, result_id = @resultId, message = @message, progress = CASE WHEN @status = 'completed' THEN 1 ELSE progress END,
                finished_at = @nowMs, updated_at = @nowMs
            WHERE id = @id AND worker_id = @workerId AND status = @running
            """,
            new { status, resultId, message, nowMs, id, workerId, running = JobStatus.Running },
            cancellationToken: cancellationToken)) == 1;
    }
}
