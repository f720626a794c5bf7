using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues;
using Tradewind.MarketData.Venues.Binance;

namespace Tradewind.MarketData.Tests.Venues.Binance;

public sealed class BinanceInstrumentTests
{
    [Fact]
    public async Task GetInstrumentsAsync_SpotExchangeInfo_ReadsFiltersOfTradingSymbolsOnly()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/exchangeInfo", () => BinanceFakes.Json(BinanceFakes.Fixture("spot-exchangeInfo.json"))));
        var provider = BinanceFakes.Spot(server);

        var specs = await provider.GetInstrumentsAsync(CancellationToken.None);

        Assert.Equal(["BINANCE:ETH/BTC", "BINANCE:BTC/USDT", "BINANCE:BTC/USDC"], specs.Select(s => s.Ticker.ToString()));
        var ethBtc = specs[0];
        Assert.Equal(0.000001m, ethBtc.TickSize);
        Assert.Equal(0.001m, ethBtc.LotStep);
        Assert.Equal(0.001m, ethBtc.MinQuantity);
        Assert.Equal(0.001m, ethBtc.MinNotional);
        Assert.Equal(MarketType.Spot, ethBtc.ContractType);
        Assert.Null(ethBtc.FundingInterval);
        Assert.Equal(1, ethBtc.MaxLeverage);
        Assert.Equal("0.001", ethBtc.LotStep.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var btcUsdt = specs[1];
        Assert.Equal(0.01m, btcUsdt.TickSize);
        Assert.Equal(0.00001m, btcUsdt.LotStep);
        Assert.Equal(5m, btcUsdt.MinNotional);
        Assert.Equal(64123.45m, btcUsdt.RoundPrice(64123.4512m));
    }

    [Fact]
    public async Task GetInstrumentsAsync_UsdMExchangeInfo_KeepsPerpetualsWithEightHourFunding()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/fapi/v1/exchangeInfo", () => BinanceFakes.Json(BinanceFakes.Fixture("futures-exchangeInfo.json"))));
        var provider = BinanceFakes.Futures(server);

        var specs = await provider.GetInstrumentsAsync(CancellationToken.None);

        // BTCUSDT_230929 is a quarterly delivery contract and is left out.
        Assert.Equal(["BINANCEFUTURESUSD:BLZ/USDT:USDT", "BINANCEFUTURESUSD:BTC/USDT:USDT"], specs.Select(s => s.Ticker.ToString()));
        var blz = specs[0];
        Assert.Equal(0.0001m, blz.TickSize);
        Assert.Equal(1m, blz.LotStep);
        Assert.Equal(1m, blz.MinQuantity);
        Assert.Equal(5m, blz.MinNotional);
        Assert.Equal(MarketType.Perpetual, blz.ContractType);
        Assert.Equal(TimeSpan.FromHours(8), blz.FundingInterval);
        Assert.Equal(125, blz.MaxLeverage);
        Assert.Equal(Ticker.Parse("BINANCEFUTURESUSD:BTC/USDT:USDT"), specs[1].Ticker);
        Assert.Equal(0.1m, specs[1].TickSize);
        Assert.Equal(100m, specs[1].MinNotional);
    }

    [Fact]
    public async Task GetInstrumentsAsync_CalledTwiceWithinAnHour_ReadsExchangeInfoOnce()
    {
        var clock = VenueTestKit.Clock();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/exchangeInfo", () => BinanceFakes.Json(BinanceFakes.Fixture("spot-exchangeInfo.json"))));
        var provider = BinanceFakes.Spot(server, clock);

        var first = await provider.GetInstrumentsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(59));
        var second = await provider.GetInstrumentsAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetInstrumentsAsync_ConcurrentCallers_ShareOneRequest()
    {
        var release = new TaskCompletionSource();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/exchangeInfo", async () =>
            {
                await release.Task;
                return BinanceFakes.Json(BinanceFakes.Fixture("spot-exchangeInfo.json"));
            }));
        var provider = BinanceFakes.Spot(server);

        var callers = Enumerable.Range(0, 5).Select(_ => provider.GetInstrumentsAsync(CancellationToken.None)).ToList();
        await VenueTestKit.WaitForRequests(server, 1);
        release.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Single(server.Requests);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task GetInstrumentsAsync_AfterTheLifetime_ReadsExchangeInfoAgain()
    {
        var clock = VenueTestKit.Clock();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/exchangeInfo", () => BinanceFakes.Json(BinanceFakes.Fixture("spot-exchangeInfo.json"))));
        var provider = BinanceFakes.Spot(server, clock);

        await provider.GetInstrumentsAsync(CancellationToken.None);
        clock.Advance(BinanceMarketDataProvider.InstrumentsLifetime + TimeSpan.FromSeconds(1));
        await provider.GetInstrumentsAsync(CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetInstrumentsAsync_FirstLoadFails_NextCallTriesAgain()
    {
        var calls = 0;
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/exchangeInfo", () => Interlocked.Increment(ref calls) == 1
                ? BinanceFakes.Json("{\"unexpected\":true}")
                : BinanceFakes.Json(BinanceFakes.Fixture("spot-exchangeInfo.json"))));
        var provider = BinanceFakes.Spot(server);

        var ex = await Assert.ThrowsAsync<TradewindException>(() => provider.GetInstrumentsAsync(CancellationToken.None));
        var specs = await provider.GetInstrumentsAsync(CancellationToken.None);

        Assert.Contains("no 'symbols' array", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, specs.Count);
    }

    [Fact]
    public async Task GetInstrumentsAsync_RateLimitsListed_SetsThePacersWeightLimit()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/exchangeInfo", () => BinanceFakes.Json(BinanceFakes.Fixture("spot-exchangeInfo.json"))));
        var provider = BinanceFakes.Spot(server);
        Assert.Equal(6000, provider.Pacer.Limit);

        await provider.GetInstrumentsAsync(CancellationToken.None);

        // The fixture carries the documented example limit of 1200 per minute.
        Assert.Equal(1200, provider.Pacer.Limit);
    }

    [Theory]
    [InlineData("BINANCE:BTC/USDT", "BTCUSDT")]
    [InlineData("BINANCE:eth/btc", "ETHBTC")]
    [InlineData("BINANCE:1000SATS/USDT", "1000SATSUSDT")]
    public void ToSymbol_SpotTicker_ConcatenatesBaseAndQuote(string ticker, string symbol) =>
        Assert.Equal(symbol, BinanceSymbols.ToSymbol(Ticker.Parse(ticker), BinanceMarket.Spot));

    [Theory]
    [InlineData("BINANCEFUTURESUSD:BTC/USDT:USDT", "BTCUSDT")]
    [InlineData("BINANCEFUTURESUSD:ETH/USDT", "ETHUSDT")]
    [InlineData("BINANCEFUTURESUSD:BTC/USDC:USDC", "BTCUSDC")]
    public void ToSymbol_UsdMTicker_IsThePerpetualSymbol(string ticker, string symbol) =>
        Assert.Equal(symbol, BinanceSymbols.ToSymbol(Ticker.Parse(ticker), BinanceMarket.FuturesUsd));

    [Fact]
    public void ToSymbol_UsdMTickerSettlingInAnotherAsset_ThrowsInvalidTickerWithTheRightForm()
    {
        var ex = Assert.Throws<TradewindException>(() =>
            BinanceSymbols.ToSymbol(Ticker.Parse("BINANCEFUTURESUSD:BTC/USDT:BTC"), BinanceMarket.FuturesUsd));

        Assert.Equal(ErrorCode.InvalidTicker, ex.Code);
        Assert.Contains("BINANCEFUTURESUSD:BTC/USDT:USDT", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_TickerOfAnotherExchange_ThrowsInvalidTickerBeforeAnyRequest()
    {
        await using var server = await LoopbackVenueServer.StartAsync(_ => { });
        var provider = BinanceFakes.Spot(server);

        var ex = await Assert.ThrowsAsync<TradewindException>(() => provider.GetCandlesAsync(
            Ticker.Parse("BINANCEFUTURESUSD:BTC/USDT:USDT"), Timeframe.H1, 0, 3_600_000, null, CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidTicker, ex.Code);
        Assert.Contains("BINANCE:BTC/USDT", ex.Suggestion, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task GetInstrumentsAsync_ExchangeInfoEntries_MapBackToTheTickersTheyCameFrom()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/fapi/v1/exchangeInfo", () => BinanceFakes.Json(BinanceFakes.Fixture("futures-exchangeInfo.json"))));
        var provider = BinanceFakes.Futures(server);

        var specs = await provider.GetInstrumentsAsync(CancellationToken.None);
        using var doc = JsonDocument.Parse(BinanceFakes.Fixture("futures-exchangeInfo.json"));
        var symbols = doc.RootElement.GetProperty("symbols").EnumerateArray()
            .Where(s => s.GetProperty("contractType").GetString() == "PERPETUAL")
            .Select(s => s.GetProperty("symbol").GetString())
            .ToList();

        Assert.Equal(symbols, specs.Select(s => BinanceSymbols.ToSymbol(s.Ticker, BinanceMarket.FuturesUsd)));
    }

    [Theory]
    [InlineData("BTC/USTD", "BINANCE:BTC/USDT")]
    [InlineData("ETH/BT", "BINANCE:ETH/BTC")]
    [InlineData("BTH/ETC", "BINANCE:ETH/BTC")]
    public void Closest_Typos_SuggestTheListedSymbolFirst(string typed, string expected)
    {
        var listed = new[] { "ETH/BTC", "BTC/USDT", "BTC/USDC" }
            .Select(s => new InstrumentSpec(Ticker.Parse(s, ExchangeId.Binance), 0, 0, 0, 0, MarketType.Spot, null, 1));

        var matches = SymbolSuggestions.ForPair(Ticker.Parse(typed, ExchangeId.Binance), listed, 3);

        Assert.Equal(expected, matches[0]);
    }
}
