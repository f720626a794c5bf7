namespace Tradewind.MarketData.Venues;

/// <summary>
/// A value read from a venue and trusted for a while, such as an instrument list. Concurrent callers share one load; a
/// load that failed or was cancelled is not kept, so the next caller tries again; and since the load is shared, it
/// never runs on one caller's token: a caller's cancellation ends only its own wait.
/// </summary>
internal sealed class ExpiringCache<T>
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly Func<Task<T>> _load;
    private readonly Lock _lock = new();
    private (Task<T> Load, DateTimeOffset StartedAt)? _entry;

    public ExpiringCache(TimeProvider time, TimeSpan lifetime, Func<Task<T>> load)
    {
        _time = time;
        _lifetime = lifetime;
        _load = load;
    }

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> load;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_entry is { } entry && !entry.Load.IsFaulted && !entry.Load.IsCanceled && now - entry.StartedAt < _lifetime)
            {
                load = entry.Load;
            }
            else
            {
                load = _load();
                _entry = (load, now);
            }
        }

        return load.WaitAsync(cancellationToken);
    }
}
