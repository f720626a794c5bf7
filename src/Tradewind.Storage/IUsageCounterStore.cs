namespace Tradewind.Storage;

/// <summary>
/// Counters per (subject, time window), e.g. requests of one key in one minute. Kept in the database so several
/// processes on one PostgreSQL share the same counts.
/// </summary>
public interface IUsageCounterStore
{
    /// <summary>Adds <paramref name="amount"/> to the counter and returns its new value, atomically.</summary>
    Task<long> IncrementAsync(string subject, long windowStartMs, long amount, CancellationToken cancellationToken);

    Task<long> GetAsync(string subject, long windowStartMs, CancellationToken cancellationToken);

    /// <summary>Sum of the subject's counters in windows starting at or after <paramref name="fromWindowStartMs"/>.</summary>
    Task<long> SumSinceAsync(string subject, long fromWindowStartMs, CancellationToken cancellationToken);

    /// <summary>Drops windows that started before <paramref name="windowStartMs"/>; returns how many rows.</summary>
    Task<int> PurgeBeforeAsync(long windowStartMs, CancellationToken cancellationToken);
}
