using Dapper;

namespace Tradewind.Storage;

/// <summary><see cref="IBacktestResultStore"/> on SQLite or PostgreSQL.</summary>
public sealed class SqlBacktestResultStore(TradewindDatabase database) : IBacktestResultStore
{
    public async Task<bool> SaveAndCompleteJobAsync(BacktestResultRecord result, string workerId, long nowMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var tx = await TradewindDatabase.BeginWriteAsync(connection, cancellationToken);
        var completed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE jobs SET status = @completed, result_id = @resultId, progress = 1, finished_at = @nowMs, updated_at = @nowMs
            WHERE id = @jobId AND worker_id = @workerId AND status = @running
            """,
            new { completed = JobStatus.Completed, resultId = result.Id, nowMs, jobId = result.JobId, workerId, running = JobStatus.Running },
            tx,
            cancellationToken: cancellationToken));
        if (completed != 1)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO backtest_results (id, job_id, owner_key_id, created_at, report) VALUES (@Id, @JobId, @OwnerKeyId, @CreatedAt, @Report)",
            result,
            tx,
            cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<BacktestResultRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BacktestResultRecord>(new CommandDefinition(
            "SELECT id, job_id, owner_key_id, created_at, report FROM backtest_results WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }
}
