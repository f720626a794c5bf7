using Microsoft.AspNetCore.Builder;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues.Binance;

namespace Tradewind.MarketData.Tests.Venues.Binance;

public sealed class BinanceQuoteTests
{
    private const long EightHours = 8 * 3_600_000L;

    /// <summary>The first funding event of the documented fundingRate example, 2019-10-09T08:00:00Z.</summary>
    private const long FirstFunding = 1570608000000;

    private static readonly Ticker BtcPerp = Ticker.Parse("BINANCEFUTURESUSD:BTC/USDT:USDT");

    [Fact]
    public async Task GetTickerAsync_Spot_ReadsTheDocumented24hrTicker()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/ticker/24hr", () => BinanceFakes.Json(BinanceFakes.Fixture("spot-ticker-24hr.json"))));
        var provider = BinanceFakes.Spot(server);
        var bnbBtc = Ticker.Parse("BINANCE:BNB/BTC");

        var quote = await provider.GetTickerAsync(bnbBtc, CancellationToken.None);

        Assert.Equal(new TickerQuote(bnbBtc, 1499869899040, 4.000002, 4.0, 4.000002, 99.0, 100.0, 0.1, 8913.3, 15.3), quote);
        Assert.Equal(["/api/v3/ticker/24hr?symbol=BNBBTC"], VenueTestKit.Paths(server));
    }

    [Fact]
    public async Task GetTickerAsync_UsdM_TakesBidAndAskFromBookTicker()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
        {
            app.MapGet("/fapi/v1/ticker/24hr", () => BinanceFakes.Json(BinanceFakes.Fixture("futures-ticker-24hr.json")));
            app.MapGet("/fapi/v1/ticker/bookTicker", () => BinanceFakes.Json(BinanceFakes.Fixture("futures-bookTicker.json")));
        });
        var provider = BinanceFakes.Futures(server);

        var quote = await provider.GetTickerAsync(BtcPerp, CancellationToken.None);

        Assert.Equal(new TickerQuote(BtcPerp, 1499869899040, 4.000002, 4.0, 4.000002, 99.0, 100.0, 0.1, 8913.3, 15.3), quote);
        Assert.Equal(
            ["/fapi/v1/ticker/bookTicker?symbol=BTCUSDT", "/fapi/v1/ticker/24hr?symbol=BTCUSDT"],
            VenueTestKit.Paths(server));
    }

    [Fact]
    public async Task GetTopOfBookAsync_Spot_StampsWithTheClockBecauseSpotSendsNoTime()
    {
        var clock = VenueTestKit.Clock();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/ticker/bookTicker", () => BinanceFakes.Json(BinanceFakes.Fixture("spot-bookTicker.json"))));
        var provider = BinanceFakes.Spot(server, clock);
        var ltcBtc = Ticker.Parse("BINANCE:LTC/BTC");

        var book = await provider.GetTopOfBookAsync(ltcBtc, CancellationToken.None);

        Assert.Equal(new TopOfBook(ltcBtc, VenueTestKit.StartMs, 4.0, 431.0, 4.000002, 9.0), book);
        Assert.Equal(["/api/v3/ticker/bookTicker?symbol=LTCBTC"], VenueTestKit.Paths(server));
    }

    [Fact]
    public async Task GetTopOfBookAsync_UsdM_UsesTheVenueTime()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/fapi/v1/ticker/bookTicker", () => BinanceFakes.Json(BinanceFakes.Fixture("futures-bookTicker.json"))));
        var provider = BinanceFakes.Futures(server);

        var book = await provider.GetTopOfBookAsync(BtcPerp, CancellationToken.None);

        Assert.Equal(new TopOfBook(BtcPerp, 1589437530011, 4.0, 431.0, 4.000002, 9.0), book);
    }

    [Fact]
    public async Task GetFundingRatesAsync_DocumentedExample_ReadsRatesAndTimes()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/fapi/v1/fundingRate", () => BinanceFakes.Json(BinanceFakes.Fixture("futures-fundingRate.json"))));
        var provider = BinanceFakes.Futures(server);

        var rates = await provider.GetFundingRatesAsync(BtcPerp, FirstFunding, FirstFunding + 2 * EightHours, CancellationToken.None);

        Assert.Equal([new FundingRate(1570608000000, -0.0375), new FundingRate(1570636800000, 0.0001)], rates);
    }

    [Fact]
    public async Task GetFundingRatesAsync_ThreePages_IssuesExactRequestsAndReturnsEveryEventOnce()
    {
        await using var server = await LoopbackVenueServer.StartAsync(BinanceFakes.MapFunding);
        var provider = BinanceFakes.Futures(server);
        var to = FirstFunding + 2500 * EightHours;

        var rates = await provider.GetFundingRatesAsync(BtcPerp, FirstFunding, to, CancellationToken.None);

        Assert.Equal(
            [
                $"/fapi/v1/fundingRate?symbol=BTCUSDT&startTime={FirstFunding}&endTime={to - 1}&limit=1000",
                $"/fapi/v1/fundingRate?symbol=BTCUSDT&startTime={FirstFunding + 999 * EightHours + 1}&endTime={to - 1}&limit=1000",
                $"/fapi/v1/fundingRate?symbol=BTCUSDT&startTime={FirstFunding + 1999 * EightHours + 1}&endTime={to - 1}&limit=1000",
            ],
            VenueTestKit.Paths(server));
        Assert.Equal(2500, rates.Count);
        for (var i = 0; i < rates.Count; i++)
        {
            Assert.Equal(FirstFunding + i * EightHours, rates[i].Time);
            Assert.Equal(BinanceFakes.RateAt(rates[i].Time), rates[i].Rate, 12);
        }
    }

    [Fact]
    public async Task GetFundingRatesAsync_FromBetweenEvents_KeepsEventsInsideTheHalfOpenRange()
    {
        await using var server = await LoopbackVenueServer.StartAsync(BinanceFakes.MapFunding);
        var provider = BinanceFakes.Futures(server);

        var rates = await provider.GetFundingRatesAsync(BtcPerp, FirstFunding + 1, FirstFunding + 3 * EightHours, CancellationToken.None);

        Assert.Equal([FirstFunding + EightHours, FirstFunding + 2 * EightHours], rates.Select(r => r.Time));
    }

    [Fact]
    public async Task GetFundingRatesAsync_Spot_ThrowsDataUnavailableNamingUsdM()
    {
        var provider = new BinanceSpotMarketDataProvider(VenueTestKit.Http, time: VenueTestKit.Clock());

        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            provider.GetFundingRatesAsync(Ticker.Parse("BINANCE:BTC/USDT"), 0, 1, CancellationToken.None));

        Assert.Equal(ErrorCode.DataUnavailable, ex.Code);
        Assert.Contains("binancefuturesusd", ex.Suggestion, StringComparison.Ordinal);
        Assert.Contains("BINANCEFUTURESUSD:BTC/USDT:USDT", ex.Suggestion, StringComparison.Ordinal);
    }
}
