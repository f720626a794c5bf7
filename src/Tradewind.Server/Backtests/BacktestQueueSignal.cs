namespace Tradewind.Server.Backtests;

/// <summary>
/// Wakes an idle worker of this process when a backtest is queued here, so a job starts at once instead of at the next
/// poll. Jobs queued by other processes (a shared PostgreSQL database) are found by polling.
/// </summary>
internal sealed class BacktestQueueSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Notify() => _signal.Release();

    /// <summary>Waits for a notification or <paramref name="timeout"/> (on <paramref name="time"/>), whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a notification.
        }
    }

    public void Dispose() => _signal.Dispose();
}
