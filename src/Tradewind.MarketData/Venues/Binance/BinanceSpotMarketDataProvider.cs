namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// Binance spot (<c>binance</c>): tickers like <c>BINANCE:BTC/USDT</c>, served from <c>https://api.binance.com</c>
/// unless <paramref name="endpoint"/> names another base URL (the spot testnet, <c>https://data-api.binance.vision</c>,
/// or a proxy). Spot has no funding; <see cref="BinanceMarketDataProvider.GetFundingRatesAsync"/> says so.
/// </summary>
/// <param name="http">The client requests go through; the caller owns it.</param>
/// <param name="endpoint">Base URL and retry settings; null for the production API.</param>
/// <param name="time">The clock for back-off, pacing and the instrument cache; null for the system clock.</param>
public sealed class BinanceSpotMarketDataProvider(HttpClient http, VenueEndpoint? endpoint = null, TimeProvider? time = null)
    : BinanceMarketDataProvider(BinanceMarket.Spot, http, endpoint, time)
{
    /// <summary>The production base URL.</summary>
    public static Uri DefaultBaseUrl => BinanceMarket.Spot.DefaultBaseUrl;
}
