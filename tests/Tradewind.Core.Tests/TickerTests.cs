using Tradewind.Core;

namespace Tradewind.Core.Tests;

public sealed class TickerTests
{
    [Theory]
    [InlineData("BINANCE:BTC/USDT", "BINANCE:BTC/USDT", MarketType.Spot)]
    [InlineData("binance:btc/usdt", "BINANCE:BTC/USDT", MarketType.Spot)]
    [InlineData("BINANCEFUTURESUSD:BTC/USDT:USDT", "BINANCEFUTURESUSD:BTC/USDT:USDT", MarketType.Perpetual)]
    [InlineData("binancefuturesusd:eth/usdt", "BINANCEFUTURESUSD:ETH/USDT:USDT", MarketType.Perpetual)]
    [InlineData("HYPERLIQUID:BTC/USDT", "HYPERLIQUID:BTC/USDT:USDC", MarketType.Perpetual)]
    [InlineData("UPBIT:BTC/KRW", "UPBIT:BTC/KRW", MarketType.Spot)]
    [InlineData("SIM:BTC/USDT", "SIM:BTC/USDT", MarketType.Spot)]
    [InlineData("SIM:BTC/USDT:USDT", "SIM:BTC/USDT:USDT", MarketType.Perpetual)]
    [InlineData("POLYMARKET:123456789", "POLYMARKET:123456789/USDC", MarketType.Prediction)]
    public void Parse_ValidText_IsCanonical(string text, string canonical, MarketType type)
    {
        var ticker = Ticker.Parse(text);
        Assert.Equal(canonical, ticker.ToString());
        Assert.Equal(type, ticker.MarketType);
        Assert.Equal(ticker, Ticker.Parse(ticker.ToString()));
    }

    [Fact]
    public void Parse_PlainSymbolWithExchange_InfersMarketType()
    {
        var ticker = Ticker.Parse("btc/usdt", ExchangeId.BinanceFuturesUsd);
        Assert.Equal("BINANCEFUTURESUSD:BTC/USDT:USDT", ticker.ToString());
        Assert.Equal("BTC/USDT", ticker.Symbol);
    }

    [Theory]
    [InlineData("NYSE:BTC/USDT", ErrorCode.UnknownExchange, "binance, binancefuturesusd")]
    [InlineData("BTC/USDT", ErrorCode.InvalidTicker, "no exchange")]
    [InlineData("BINANCE:BTCUSDT", ErrorCode.InvalidTicker, "no '/'")]
    [InlineData("BINANCE:BTC/USDT:USDT", ErrorCode.InvalidTicker, "no settle asset")]
    [InlineData("", ErrorCode.InvalidTicker, "empty")]
    public void Parse_InvalidText_ExplainsWhy(string text, string code, string fragment)
    {
        var ex = Assert.Throws<TradewindException>(() => Ticker.Parse(text));
        Assert.Equal(code, ex.Code);
        Assert.Contains(fragment, ex.Message + " " + ex.Suggestion, StringComparison.Ordinal);
    }
}

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("USTD", "USDT", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("rsi", "rsi", 0)]
    public void Compute_KnownPairs_CountsEdits(string a, string b, int expected) => Assert.Equal(expected, EditDistance.Compute(a, b));

    [Fact]
    public void Closest_Typos_NearestFirst() =>
        Assert.Equal(["BTC/USDT", "BTC/USDC"], EditDistance.Closest("BTC/USTD", ["ETH/USDT", "BTC/USDC", "BTC/USDT", "DOGE/USDT"], 2));
}
