using Tradewind.Core;

namespace Tradewind.Backtesting.Tests.Infrastructure;

internal static class Specs
{
    public static readonly Ticker Btc = new(ExchangeId.Binance, "BTC", "USDT");

    public static readonly Ticker Eth = new(ExchangeId.Binance, "ETH", "USDT");

    public static readonly Ticker BtcPerp = new(ExchangeId.BinanceFuturesUsd, "BTC", "USDT");

    public static InstrumentSpec Spot(Ticker ticker, decimal lotStep = 0.001m, decimal minQuantity = 0, decimal minNotional = 0) =>
        new(ticker, 0.01m, lotStep, minQuantity, minNotional, MarketType.Spot, null, 1);

    public static InstrumentSpec Perp(Ticker ticker, decimal lotStep = 0.001m, int maxLeverage = 125) =>
        new(ticker, 0.01m, lotStep, 0, 0, MarketType.Perpetual, TimeSpan.FromHours(8), maxLeverage);
}
