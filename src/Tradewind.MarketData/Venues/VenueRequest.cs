namespace Tradewind.MarketData.Venues;

/// <summary>
/// One request <see cref="VenueHttp"/> is about to send, as its <see cref="IVenuePacer"/> and
/// <see cref="VenueErrorTranslator"/> see it.
/// </summary>
/// <param name="Method">GET or POST.</param>
/// <param name="PathAndQuery">Relative to the endpoint's base URL, as the client passed it.</param>
/// <param name="Weight">What the request costs against the venue's rate limit, in the venue's own units (1 unless the client says otherwise).</param>
public readonly record struct VenueRequest(string Method, string PathAndQuery, int Weight)
{
    /// <summary><see cref="PathAndQuery"/> without the query string, e.g. <c>/api/v3/klines</c>.</summary>
    public string Path
    {
        get
        {
            var query = PathAndQuery.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? PathAndQuery : PathAndQuery[..query];
        }
    }
}
