using System.Globalization;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// Keeps a Binance client under its REQUEST_WEIGHT budget. Binance counts weight per IP in one-minute windows and
/// reports the running total in <c>X-MBX-USED-WEIGHT-1M</c> on every response. Before each request the pacer adds the
/// request's weight to what the last response reported; when that would pass <see cref="Headroom"/> of the limit it
/// waits for the next minute window instead of sending. <see cref="VenueHttp"/> asks it before every attempt; its
/// 429/418 back-off stays the safety net (other programs on the same IP spend the same budget).
/// </summary>
internal sealed class BinanceWeightPacer : IVenuePacer
{
    public const string UsedWeightHeader = "X-MBX-USED-WEIGHT-1M";

    /// <summary>Fraction of the limit the pacer lets a window reach; the rest absorbs estimate errors and clock skew.</summary>
    public const double Headroom = 0.9;

    private const long WindowMs = 60_000;

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private long _windowStart = long.MinValue;
    private int _used;

    public BinanceWeightPacer(TimeProvider time, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        _time = time;
        Limit = limit;
    }

    /// <summary>REQUEST_WEIGHT per minute, from exchangeInfo's rateLimits once it has been read.</summary>
    public int Limit { get; private set; }

    /// <summary>Weight the pacer believes is used in the current window.</summary>
    public int Used
    {
        get
        {
            lock (_lock)
            {
                return WindowOf(NowMs()) == _windowStart ? _used : 0;
            }
        }
    }

    /// <summary>How often a request had to wait for the next window.</summary>
    public int Waits { get; private set; }

    public void SetLimit(int limit)
    {
        if (limit > 0)
        {
            lock (_lock)
            {
                Limit = limit;
            }
        }
    }

    public ValueTask WaitTurnAsync(VenueRequest request, CancellationToken cancellationToken) =>
        AcquireAsync(request.Weight, cancellationToken);

    public void Observe(VenueRequest request, HttpResponseMessage response) => Observe(response);

    /// <summary>Waits until <paramref name="weight"/> fits in the current window, then reserves it.</summary>
    public async ValueTask AcquireAsync(int weight, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = NowMs();
                var window = WindowOf(now);
                if (window != _windowStart)
                {
                    _windowStart = window;
                    _used = 0;
                }

                // An empty window always admits one request, however heavy, so nothing waits forever.
                if (_used == 0 || _used + weight <= (int)(Limit * Headroom))
                {
                    _used += weight;
                    return;
                }

                wait = TimeSpan.FromMilliseconds(window + WindowMs - now);
                Waits++;
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Takes the venue's count from a response; it also covers other clients on the same IP.</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(UsedWeightHeader, out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var used))
            {
                Observe(used);
            }
        }
    }

    public void Observe(int usedWeight)
    {
        lock (_lock)
        {
            var window = WindowOf(NowMs());
            if (window != _windowStart)
            {
                _windowStart = window;
                _used = usedWeight;
            }
            else if (usedWeight > _used)
            {
                _used = usedWeight;
            }
        }
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long WindowOf(long ms) => ms - (((ms % WindowMs) + WindowMs) % WindowMs);
}
