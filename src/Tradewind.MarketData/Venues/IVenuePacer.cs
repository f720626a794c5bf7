namespace Tradewind.MarketData.Venues;

/// <summary>
/// Keeps one venue client inside the venue's rate limit. <see cref="VenueHttp"/> calls <see cref="WaitTurnAsync"/>
/// before every attempt, before the attempt's timeout starts, so a wait for the budget never reads as a slow venue; and
/// <see cref="Observe"/> with every response, whatever its status, so the pacer can read the venue's own count from the
/// headers (Binance's <c>X-MBX-USED-WEIGHT-1M</c>, Upbit's <c>Remaining-Req</c>). VenueHttp's back-off on 429 and 418
/// stays the safety net.
/// </summary>
public interface IVenuePacer
{
    ValueTask WaitTurnAsync(VenueRequest request, CancellationToken cancellationToken);

    void Observe(VenueRequest request, HttpResponseMessage response);
}
