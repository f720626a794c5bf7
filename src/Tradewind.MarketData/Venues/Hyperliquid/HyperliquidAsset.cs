namespace Tradewind.MarketData.Venues.Hyperliquid;

/// <summary>One perp of the meta universe; <see cref="Index"/> is its position, which is also its asset id.</summary>
internal sealed record HyperliquidAsset(string Name, int Index, int SzDecimals, int MaxLeverage, bool IsDelisted);
