namespace Tradewind.Storage;

/// <summary>Finished backtests. A result is written together with its job's completion, so neither exists without the other.</summary>
public interface IBacktestResultStore
{
    /// <summary>
    /// Stores <paramref name="result"/> and marks its job completed, in one transaction. False (and nothing written)
    /// when the job is no longer this worker's running job (it was cancelled or recovered meanwhile).
    /// </summary>
    Task<bool> SaveAndCompleteJobAsync(BacktestResultRecord result, string workerId, long nowMs, CancellationToken cancellationToken);

    Task<BacktestResultRecord?> GetAsync(string id, CancellationToken cancellationToken);
}
