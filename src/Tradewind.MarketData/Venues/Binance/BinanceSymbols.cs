using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// Tradewind tickers to Binance symbols and back, and Tradewind timeframes to kline intervals.
/// <c>BINANCE:BTC/USDT</c> is <c>BTCUSDT</c>; <c>BINANCEFUTURESUSD:BTC/USDT:USDT</c> is the USD-M perpetual
/// <c>BTCUSDT</c>. A Binance symbol alone cannot be split into base and quote (is <c>BTCUSDC</c> BTC/USDC?), so the
/// reverse direction uses exchangeInfo's <c>baseAsset</c>/<c>quoteAsset</c>.
/// </summary>
internal static class BinanceSymbols
{
    /// <summary>The Binance symbol of <paramref name="ticker"/>, after checking that the ticker belongs to the market.</summary>
    public static string ToSymbol(Ticker ticker, BinanceMarket market)
    {
        if (ticker.Exchange != market.Exchange)
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidTicker,
                $"Ticker '{ticker}' is on '{ticker.Exchange.Id()}', but this provider serves '{market.Venue}'.",
                $"Use a {market.Venue.ToUpperInvariant()}: ticker, e.g. {Example(market)}.");
        }

        if (market.IsFutures && ticker.Settle != ticker.Quote)
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidTicker,
                $"Ticker '{ticker}' settles in {ticker.Settle}, but Binance USD-M perpetuals settle in their quote asset.",
                $"Use {market.Venue.ToUpperInvariant()}:{ticker.Base}/{ticker.Quote}:{ticker.Quote}.");
        }

        return ticker.Base + ticker.Quote;
    }

    /// <summary>The ticker of an exchangeInfo entry.</summary>
    public static Ticker FromAssets(BinanceMarket market, string baseAsset, string quoteAsset, string? marginAsset) =>
        market.IsFutures
            ? new Ticker(market.Exchange, baseAsset, quoteAsset, marginAsset ?? quoteAsset)
            : new Ticker(market.Exchange, baseAsset, quoteAsset);

    /// <summary>
    /// The kline interval of <paramref name="timeframe"/>. Binance names all nine Tradewind timeframes the same way
    /// (1m 5m 15m 30m 1h 4h 1d 1w 1M); it aligns weeks on Monday 00:00 UTC and months on the calendar, as Tradewind does.
    /// </summary>
    public static string Interval(Timeframe timeframe) => timeframe.Name switch
    {
        "1m" or "5m" or "15m" or "30m" or "1h" or "4h" or "1d" or "1w" or "1M" => timeframe.Name,
        _ => ThrowHelper.Throw<string>(
            ErrorCode.UnknownTimeframe,
            $"Binance has no kline interval for timeframe '{timeframe}'.",
            $"Valid timeframes: {Timeframe.ValidNames}."),
    };

    public static string Example(BinanceMarket market) =>
        market.IsFutures ? "BINANCEFUTURESUSD:BTC/USDT:USDT" : "BINANCE:BTC/USDT";
}
