using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues;
using Tradewind.MarketData.Venues.Upbit;

namespace Tradewind.MarketData.Tests.Venues.Upbit;

public sealed class UpbitQuoteTests
{
    private const long Minute = 60_000;
    private static readonly long T = VenueTestKit.StartMs;
    private static readonly Ticker BtcKrw = Ticker.Parse("UPBIT:BTC/KRW");

    [Fact]
    public async Task GetTickerAsync_DocumentedTicker_TakesBidAndAskFromTheOrderbook()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
        {
            app.MapGet("/v1/ticker", () => UpbitFakes.Json(UpbitFakes.Fixture("ticker.json")));
            app.MapGet("/v1/orderbook", () => UpbitFakes.Json(UpbitFakes.Fixture("orderbook.json")));
        });
        var provider = UpbitFakes.Provider(server);

        var quote = await provider.GetTickerAsync(BtcKrw, CancellationToken.None);

        Assert.Equal(
            new TickerQuote(BtcKrw, 1524047026072, 8621000, 148490000, 148520000, 8450000, 8679000, 8445000, 27181.31137002, 232702901371.09308),
            quote);
        Assert.Equal(["/v1/orderbook?markets=KRW-BTC", "/v1/ticker?markets=KRW-BTC"], VenueTestKit.Paths(server));
    }

    [Fact]
    public async Task GetTopOfBookAsync_DocumentedOrderbook_ReadsTheFirstLevel()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/v1/orderbook", () => UpbitFakes.Json(UpbitFakes.Fixture("orderbook.json"))));
        var provider = UpbitFakes.Provider(server);

        var book = await provider.GetTopOfBookAsync(BtcKrw, CancellationToken.None);

        Assert.Equal(new TopOfBook(BtcKrw, 1751606867762, 148490000, 0.04296774, 148520000, 0.0134662), book);
    }

    [Fact]
    public async Task GetFundingRatesAsync_Always_ThrowsDataUnavailableNamingPerpetualVenues()
    {
        var provider = new UpbitMarketDataProvider(VenueTestKit.Http, time: VenueTestKit.Clock());

        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            provider.GetFundingRatesAsync(BtcKrw, 0, 1, CancellationToken.None));

        Assert.Equal(ErrorCode.DataUnavailable, ex.Code);
        Assert.Contains("binancefuturesusd", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInstrumentsAsync_DocumentedMarketList_MapsQuoteFirstCodes()
    {
        var clock = VenueTestKit.Clock();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/v1/market/all", () => UpbitFakes.Json(UpbitFakes.Fixture("market-all.json"))));
        var provider = UpbitFakes.Provider(server, clock);

        var specs = await provider.GetInstrumentsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(30));
        var again = await provider.GetInstrumentsAsync(CancellationToken.None);

        Assert.Equal(["UPBIT:BTC/KRW", "UPBIT:ETH/KRW", "UPBIT:ETH/BTC", "UPBIT:BTC/USDT"], specs.Select(s => s.Ticker.ToString()));
        Assert.All(specs, s =>
        {
            Assert.Equal(MarketType.Spot, s.ContractType);
            Assert.Equal(0.00000001m, s.LotStep);
            Assert.Equal(0m, s.TickSize);
            Assert.Null(s.FundingInterval);
        });
        Assert.Same(specs, again);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("UPBIT:BTC/KRW", "KRW-BTC")]
    [InlineData("UPBIT:eth/btc", "BTC-ETH")]
    [InlineData("UPBIT:BTC/USDT", "USDT-BTC")]
    public void ToMarketCode_Ticker_IsQuoteFirst(string ticker, string code)
    {
        Assert.Equal(code, UpbitMarkets.ToMarketCode(Ticker.Parse(ticker)));
        Assert.True(UpbitMarkets.TryFromMarketCode(code, out var back));
        Assert.Equal(Ticker.Parse(ticker), back);
    }

    [Theory]
    [InlineData("KRWBTC")]
    [InlineData("-BTC")]
    [InlineData("KRW-")]
    public void TryFromMarketCode_NotQuoteDashBase_ReturnsFalse(string code) =>
        Assert.False(UpbitMarkets.TryFromMarketCode(code, out _));

    [Fact]
    public void ToMarketCode_TickerOfAnotherExchange_ThrowsInvalidTicker()
    {
        var ex = Assert.Throws<TradewindException>(() => UpbitMarkets.ToMarketCode(Ticker.Parse("BINANCE:BTC/USDT")));

        Assert.Equal(ErrorCode.InvalidTicker, ex.Code);
        Assert.Contains("UPBIT:BTC/KRW", ex.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPBIT:BTC/KRV")]
    [InlineData("UPBIT:KRW/BTC")]
    public async Task GetCandlesAsync_UnknownMarket_ThrowsUnknownSymbolWithCloseMatches(string ticker)
    {
        var ex = await DailyCandlesFailAsync(
            () => Results.Text(UpbitFakes.Fixture("error-code-not-found.json"), "application/json", statusCode: 404), ticker);

        Assert.Equal(ErrorCode.UnknownSymbol, ex.Code);
        Assert.StartsWith("Close matches on upbit: UPBIT:BTC/KRW", ex.Suggestion, StringComparison.Ordinal);
        Assert.Contains("Code not found", ex.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_OtherUpbitErrorBody_ThrowsVenueErrorWithTheMessage()
    {
        var ex = await DailyCandlesFailAsync(
            () => Results.Text(UpbitFakes.Fixture("error-invalid-parameter.json"), "application/json", statusCode: 400));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("Invalid parameter. Check the given value!", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_HtmlInsteadOfJson_ThrowsVenueErrorSayingMalformed()
    {
        var ex = await DailyCandlesFailAsync(() => Results.Text("<html><body>Maintenance</body></html>", "text/html"));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_TooManyRequestsThenSuccess_BacksOffOnTheClock()
    {
        var clock = VenueTestKit.Clock();
        var seenAt = new ConcurrentQueue<DateTimeOffset>();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/v1/candles/minutes/1", (HttpContext ctx) =>
            {
                seenAt.Enqueue(clock.GetUtcNow());
                if (seenAt.Count == 1)
                {
                    ctx.Response.Headers.RetryAfter = "3";
                    return Results.Text("Too many API requests.", "text/plain", statusCode: 429);
                }

                var q = ctx.Request.Query;
                return UpbitFakes.Json(UpbitFakes.Candles(
                    "candles-minutes.json",
                    Timeframe.M1,
                    UpbitFakes.ParseTo(q["to"]!),
                    int.Parse(q["count"]!, System.Globalization.CultureInfo.InvariantCulture)));
            }));
        var provider = UpbitFakes.Provider(server, clock);

        var series = await VenueTestKit.AdvanceUntilDone(
            provider.GetCandlesAsync(BtcKrw, Timeframe.M1, T, T + 10 * Minute, null, CancellationToken.None),
            clock,
            TimeSpan.FromSeconds(1));

        Assert.Equal(10, series.Count);
        Assert.Equal(1, provider.RetryCount);
        var times = seenAt.ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(3), $"retried after {times[1] - times[0]}");
    }

    [Fact]
    public async Task GetCandlesAsync_RemainingReqSaysNoneLeft_NextPageWaitsASecond()
    {
        var clock = VenueTestKit.Clock();
        var seenAt = new ConcurrentQueue<DateTimeOffset>();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            UpbitFakes.MapCandles(app, "/v1/candles/minutes/1", "candles-minutes.json", Timeframe.M1, onRequest: ctx =>
            {
                seenAt.Enqueue(clock.GetUtcNow());
                ctx.Response.Headers[UpbitRequestPacer.Header] = "group=candles; min=1799; sec=0";
            }));
        var provider = UpbitFakes.Provider(server, clock);

        var task = provider.GetCandlesAsync(BtcKrw, Timeframe.M1, T, T + 300 * Minute, null, CancellationToken.None);
        await VenueTestKit.WaitUntil(() => provider.Pacer.Waits == 1, "the pacer holds the second page");
        Assert.Single(server.Requests);
        var series = await VenueTestKit.AdvanceUntilDone(task, clock, TimeSpan.FromMilliseconds(100));

        Assert.Equal(300, series.Count);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, provider.Pacer.Waits);
        var times = seenAt.ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1), $"second page after {times[1] - times[0]}");
    }

    [Fact]
    public async Task GetCandlesAsync_RemainingReqHasRoom_DoesNotWait()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            UpbitFakes.MapCandles(app, "/v1/candles/minutes/1", "candles-minutes.json", Timeframe.M1, onRequest: ctx =>
                ctx.Response.Headers[UpbitRequestPacer.Header] = "group=candles; min=1799; sec=9"));
        var provider = UpbitFakes.Provider(server);

        var series = await provider.GetCandlesAsync(BtcKrw, Timeframe.M1, T, T + 600 * Minute, null, CancellationToken.None);

        Assert.Equal(600, series.Count);
        Assert.Equal(0, provider.Pacer.Waits);
        Assert.Equal((9, VenueTestKit.StartMs), provider.Pacer.Peek("candles"));
    }

    [Fact]
    public async Task Endpoint_BaseUrlWithPathPrefix_SendsRequestsUnderThePrefix()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/relay/upbit/v1/orderbook", () => UpbitFakes.Json(UpbitFakes.Fixture("orderbook.json"))));
        var endpoint = new VenueEndpoint { BaseUrl = new Uri(server.BaseUrl, "relay/upbit") };
        var provider = new UpbitMarketDataProvider(VenueTestKit.Http, endpoint, VenueTestKit.Clock());

        await provider.GetTopOfBookAsync(BtcKrw, CancellationToken.None);

        Assert.Equal(["/relay/upbit/v1/orderbook?markets=KRW-BTC"], VenueTestKit.Paths(server));
        Assert.Equal(new Uri("https://api.upbit.com"), new UpbitMarketDataProvider(VenueTestKit.Http).Endpoint.BaseUrl);
    }

    [Theory]
    [InlineData("group=candles; min=1799; sec=29", true, 29)]
    [InlineData("group=default; min=1800; sec=0", true, 0)]
    [InlineData("group=market;sec=7", true, 7)]
    [InlineData("group=market; min=10", false, 0)]
    public void TryParseRemaining_HeaderForms_ReadsSec(string header, bool ok, int remaining)
    {
        Assert.Equal(ok, UpbitRequestPacer.TryParseRemaining(header, out var parsed));
        Assert.Equal(remaining, parsed);
    }

    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00Z")]
    [InlineData(1704067200000L, "2024-01-01T00:00:00Z")]
    [InlineData(1704067200001L, "2024-01-01T00:00:01Z")]
    [InlineData(1704067200999L, "2024-01-01T00:00:01Z")]
    public void FormatTo_Milliseconds_RoundsUpToTheSecond(long ms, string expected) =>
        Assert.Equal(expected, UpbitJson.FormatTo(ms));

    [Theory]
    [InlineData("2018-04-18T10:16:00", 1524046560000L)]
    [InlineData("2018-04-18T10:16:00Z", 1524046560000L)]
    [InlineData("2024-02-29 23:59:59", 1709251199000L)]
    public void TryParseUtc_UpbitTimes_AreUtc(string text, long expected)
    {
        Assert.True(UpbitJson.TryParseUtc(System.Text.Encoding.UTF8.GetBytes(text), out var ms));
        Assert.Equal(expected, ms);
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00")]
    [InlineData("2018-04-18T24:00:00")]
    [InlineData("2018-04-18")]
    [InlineData("2018-04-18T10:16:00+09:00")]
    public void TryParseUtc_NotAUtcTime_ReturnsFalse(string text) =>
        Assert.False(UpbitJson.TryParseUtc(System.Text.Encoding.UTF8.GetBytes(text), out _));

    /// <summary>
    /// Asks for a day of candles from a fake Upbit whose day-candle endpoint always gives <paramref name="candles"/>
    /// (the market list is the documented one, for suggestions); returns the error.
    /// </summary>
    private static async Task<TradewindException> DailyCandlesFailAsync(Func<IResult> candles, string ticker = "UPBIT:BTC/KRW")
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
        {
            app.MapGet("/v1/candles/days", candles);
            app.MapGet("/v1/market/all", () => UpbitFakes.Json(UpbitFakes.Fixture("market-all.json")));
        });
        return await Assert.ThrowsAsync<TradewindException>(() =>
            UpbitFakes.Provider(server).GetCandlesAsync(Ticker.Parse(ticker), Timeframe.D1, T, T + 86_400_000, null, CancellationToken.None));
    }
}
