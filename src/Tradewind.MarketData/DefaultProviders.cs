using Tradewind.MarketData.Sim;
using Tradewind.MarketData.Venues;
using Tradewind.MarketData.Venues.Binance;
using Tradewind.MarketData.Venues.Hyperliquid;
using Tradewind.MarketData.Venues.Lighter;
using Tradewind.MarketData.Venues.Polymarket;
using Tradewind.MarketData.Venues.Upbit;

namespace Tradewind.MarketData;

/// <summary>Builds the provider registry every host uses: the sim venue plus the six real venues' public data.</summary>
public static class DefaultProviders
{
    public static ProviderRegistry Create(HttpClient http, MarketDataSettings? settings = null, TimeProvider? time = null)
    {
        settings ??= new MarketDataSettings();
        time ??= TimeProvider.System;
        return new ProviderRegistry(
        [
            new SimMarketDataProvider(settings.Sim, time),
            new BinanceSpotMarketDataProvider(http, Endpoint(settings.BinanceBaseUrl), time),
            new BinanceFuturesUsdMarketDataProvider(http, Endpoint(settings.BinanceFuturesUsdBaseUrl), time),
            new UpbitMarketDataProvider(http, Endpoint(settings.UpbitBaseUrl), time),
            new HyperliquidMarketDataProvider(http, Endpoint(settings.HyperliquidBaseUrl), time),
            new LighterMarketDataProvider(http, Endpoint(settings.LighterBaseUrl), time),
            new PolymarketMarketDataProvider(http, Endpoint(settings.PolymarketClobBaseUrl), Endpoint(settings.PolymarketGammaBaseUrl), time),
        ]);
    }

    private static VenueEndpoint? Endpoint(Uri? baseUrl) => baseUrl is null ? null : new VenueEndpoint { BaseUrl = baseUrl };
}
