using System.Globalization;

namespace Tradewind.MarketData.Venues.Upbit;

/// <summary>
/// Paces requests by Upbit's <c>Remaining-Req: group=candles; min=1799; sec=29</c> header. <c>sec</c> is what is
/// left of the group's per-second quota (<c>min</c> is deprecated and ignored). When a group has nothing left, the next
/// request in that group waits until a second has passed since the response that said so. The group of a request
/// follows from its path (<see cref="UpbitMarkets.GroupOf"/>). VenueHttp's 429 back-off stays the safety net.
/// </summary>
internal sealed class UpbitRequestPacer : IVenuePacer
{
    public const string Header = "Remaining-Req";

    private const long SecondMs = 1000;

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Quota> _groups = new(StringComparer.Ordinal);

    public UpbitRequestPacer(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>How often a request had to wait for its group's quota.</summary>
    public int Waits { get; private set; }

    /// <summary>What the pacer knows of a group: requests left and when that was reported, or null.</summary>
    public (int Remaining, long ObservedAtMs)? Peek(string group)
    {
        lock (_lock)
        {
            return _groups.TryGetValue(group, out var q) ? (q.Remaining, q.ObservedAt) : null;
        }
    }

    public ValueTask WaitTurnAsync(VenueRequest request, CancellationToken cancellationToken) =>
        AcquireAsync(UpbitMarkets.GroupOf(request.Path), cancellationToken);

    public void Observe(VenueRequest request, HttpResponseMessage response) =>
        Observe(UpbitMarkets.GroupOf(request.Path), response);

    public async ValueTask AcquireAsync(string group, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                if (!_groups.TryGetValue(group, out var quota))
                {
                    return;
                }

                var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
                if (now >= quota.ObservedAt + SecondMs)
                {
                    _groups.Remove(group);
                    return;
                }

                if (quota.Remaining > 0)
                {
                    _groups[group] = quota with { Remaining = quota.Remaining - 1 };
                    return;
                }

                wait = TimeSpan.FromMilliseconds(quota.ObservedAt + SecondMs - now);
                Waits++;
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    public void Observe(string group, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues(Header, out var values))
        {
            foreach (var value in values)
            {
                if (TryParseRemaining(value, out var remaining))
                {
                    Observe(group, remaining);
                }
            }
        }
    }

    public void Observe(string group, int remaining)
    {
        lock (_lock)
        {
            _groups[group] = new Quota(remaining, _time.GetUtcNow().ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Reads <c>sec</c> from <c>group=candles; min=1799; sec=29</c>.</summary>
    public static bool TryParseRemaining(string header, out int remaining)
    {
        remaining = 0;
        foreach (var part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("sec=", StringComparison.OrdinalIgnoreCase))
            {
                return int.TryParse(part.AsSpan(4), NumberStyles.Integer, CultureInfo.InvariantCulture, out remaining);
            }
        }

        return false;
    }

    private readonly record struct Quota(int Remaining, long ObservedAt);
}
