namespace Tradewind.Core;

/// <summary>
/// Trading rules of one instrument. Prices and sizes are <c>decimal</c> because they round live orders to the venue's
/// grid; backtests convert them to <c>double</c> once.
/// </summary>
/// <param name="Ticker">The instrument.</param>
/// <param name="TickSize">Price increment.</param>
/// <param name="LotStep">Quantity increment.</param>
/// <param name="MinQuantity">Smallest order quantity.</param>
/// <param name="MinNotional">Smallest order value in quote currency.</param>
/// <param name="ContractType">Spot, perpetual or prediction.</param>
/// <param name="FundingInterval">Time between funding payments (perpetuals only).</param>
/// <param name="MaxLeverage">Highest leverage the venue allows (1 for spot).</param>
public sealed record InstrumentSpec(
    Ticker Ticker,
    decimal TickSize,
    decimal LotStep,
    decimal MinQuantity,
    decimal MinNotional,
    MarketType ContractType,
    TimeSpan? FundingInterval,
    int MaxLeverage)
{
    /// <summary>Rounds a quantity down to the lot step.</summary>
    public decimal RoundQuantity(decimal quantity) =>
        LotStep <= 0 ? quantity : decimal.Floor(quantity / LotStep) * LotStep;

    /// <summary>Rounds a price to the nearest tick.</summary>
    public decimal RoundPrice(decimal price) =>
        TickSize <= 0 ? price : decimal.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;
}
