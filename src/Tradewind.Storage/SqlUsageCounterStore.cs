using Dapper;

namespace Tradewind.Storage;

/// <summary><see cref="IUsageCounterStore"/>: one upsert per increment, atomic in both databases.</summary>
public sealed class SqlUsageCounterStore(TradewindDatabase database) : IUsageCounterStore
{
    public async Task<long> IncrementAsync(string subject, long windowStartMs, long amount, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO usage_counters (subject, window_start, count) VALUES (@subject, @windowStartMs, @amount)
            ON CONFLICT (subject, window_start) DO UPDATE SET count = usage_counters.count + excluded.count
            RETURNING count
            """,
            new { subject, windowStartMs, amount },
            cancellationToken: cancellationToken));
    }

    public async Task<long> GetAsync(string subject, long windowStartMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT count FROM usage_counters WHERE subject = @subject AND window_start = @windowStartMs",
            new { subject, windowStartMs },
            cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task<long> SumSinceAsync(string subject, long fromWindowStartMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT SUM(count) FROM usage_counters WHERE subject = @subject AND window_start >= @fromWindowStartMs",
            new { subject, fromWindowStartMs },
            cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task<int> PurgeBeforeAsync(long windowStartMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM usage_counters WHERE window_start < @windowStartMs", new { windowStartMs }, cancellationToken: cancellationToken));
    }
}
