using Tradewind.MarketData.Sim;

namespace Tradewind.MarketData;

/// <summary>
/// Market-data configuration: the sim venue's seed, and base-URL overrides for the real venues (testnets, proxies).
/// A null URL means the venue's documented production URL.
/// </summary>
public sealed record MarketDataSettings
{
    public SimOptions Sim { get; init; } = new();

    public Uri? BinanceBaseUrl { get; init; }

    public Uri? BinanceFuturesUsdBaseUrl { get; init; }

    public Uri? UpbitBaseUrl { get; init; }

    public Uri? HyperliquidBaseUrl { get; init; }

    public Uri? LighterBaseUrl { get; init; }

    public Uri? PolymarketClobBaseUrl { get; init; }

    public Uri? PolymarketGammaBaseUrl { get; init; }
}
