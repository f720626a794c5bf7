namespace Tradewind.Core;

/// <summary>The venues Tradewind knows. <see cref="Exchanges"/> holds their ids and defaults.</summary>
public enum ExchangeId
{
    Binance,
    BinanceFuturesUsd,
    Upbit,
    Hyperliquid,
    Lighter,
    Polymarket,
    Sim,
}
