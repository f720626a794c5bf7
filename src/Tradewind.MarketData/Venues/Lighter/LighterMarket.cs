namespace Tradewind.MarketData.Venues.Lighter;

/// <summary>One perp order book of <c>orderBookDetails</c>: its id, grid, minimums and margin.</summary>
/// <param name="Symbol">Lighter's market symbol, the base asset (e.g. "BTC").</param>
/// <param name="MarketId">The id every other endpoint takes.</param>
/// <param name="PriceDecimals">Price decimals: the tick is 10^-PriceDecimals.</param>
/// <param name="SizeDecimals">Size decimals: the lot step is 10^-SizeDecimals.</param>
/// <param name="MinBaseAmount">Smallest order in base units.</param>
/// <param name="MinQuoteAmount">Smallest order value in USDC.</param>
/// <param name="MinInitialMarginFraction">Lowest initial margin in 1/10000 (200 = 2% = 50x).</param>
/// <param name="IsActive">False for markets Lighter lists as inactive.</param>
internal sealed record LighterMarket(
    string Symbol,
    int MarketId,
    int PriceDecimals,
    int SizeDecimals,
    decimal MinBaseAmount,
    decimal MinQuoteAmount,
    int MinInitialMarginFraction,
    bool IsActive)
{
    /// <summary>10000 / min_initial_margin_fraction, rounded down.</summary>
    public int MaxLeverage => MinInitialMarginFraction > 0 ? Math.Max(1, 10_000 / MinInitialMarginFraction) : 1;
}
