namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// Binance USD-M futures (<c>binancefuturesusd</c>): perpetuals like <c>BINANCEFUTURESUSD:BTC/USDT:USDT</c>, served
/// from <c>https://fapi.binance.com</c> unless <paramref name="endpoint"/> names another base URL (the futures testnet
/// or a proxy). Quarterly delivery contracts are left out of the instrument list.
/// </summary>
/// <param name="http">The client requests go through; the caller owns it.</param>
/// <param name="endpoint">Base URL and retry settings; null for the production API.</param>
/// <param name="time">The clock for back-off, pacing and the instrument cache; null for the system clock.</param>
public sealed class BinanceFuturesUsdMarketDataProvider(HttpClient http, VenueEndpoint? endpoint = null, TimeProvider? time = null)
    : BinanceMarketDataProvider(BinanceMarket.FuturesUsd, http, endpoint, time)
{
    /// <summary>The production base URL.</summary>
    public static Uri DefaultBaseUrl => BinanceMarket.FuturesUsd.DefaultBaseUrl;
}
