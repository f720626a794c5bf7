namespace Tradewind.MarketData.Venues;

/// <summary>Where a venue client sends requests, and how patient it is. Base URLs are configurable (testnets, proxies).</summary>
public sealed record VenueEndpoint
{
    public required Uri BaseUrl { get; init; }

    /// <summary>Attempts per request on 429/418/5xx before giving up (the first try included).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First back-off when the venue sends no Retry-After; doubles each attempt.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait, whatever Retry-After says.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Per-request timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
