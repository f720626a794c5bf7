using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues;
using Tradewind.MarketData.Venues.Binance;

namespace Tradewind.MarketData.Tests.Venues.Binance;

public sealed class BinanceCandleTests
{
    private const long Hour = 3_600_000;
    private static readonly long T = VenueTestKit.StartMs;
    private static readonly Ticker BtcUsdt = Ticker.Parse("BINANCE:BTC/USDT");
    private static readonly Ticker BtcPerp = Ticker.Parse("BINANCEFUTURESUSD:BTC/USDT:USDT");

    [Fact]
    public async Task GetCandlesAsync_ThreePageRange_IssuesExactRequestsAndReturnsContiguousSeries()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            BinanceFakes.Map(app, "/api/v3", "spot-klines.json", "spot-exchangeInfo.json"));
        var provider = BinanceFakes.Spot(server);
        var progress = new ProgressRecorder();

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + 2500 * Hour, progress, CancellationToken.None);

        var end = (T + 2500 * Hour - 1).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(
            [
                $"/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime={T}&endTime={end}&limit=1000",
                $"/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime={T + 1000 * Hour}&endTime={end}&limit=1000",
                $"/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime={T + 2000 * Hour}&endTime={end}&limit=500",
            ],
            VenueTestKit.Paths(server));
        Assert.Equal(2500, series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            Assert.Equal(T + i * Hour, series.Time[i]);
        }

        Assert.Equal(BinanceFakes.OpenAt(T + 1234 * Hour), series.Open[1234]);
        Assert.Equal(BinanceFakes.OpenAt(T + 1234 * Hour) + 1, series.High[1234]);
        Assert.Equal(BinanceFakes.OpenAt(T + 1234 * Hour) - 1, series.Low[1234]);
        Assert.Equal(BinanceFakes.OpenAt(T + 1234 * Hour) + 0.25, series.Close[1234]);
        Assert.Equal([T + 999 * Hour, T + 1999 * Hour, T + 2499 * Hour], progress.Values);
    }

    [Fact]
    public async Task GetCandlesAsync_UnalignedBounds_KeepsOnlyBarsOpeningInsideTheHalfOpenRange()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            BinanceFakes.Map(app, "/api/v3", "spot-klines.json", "spot-exchangeInfo.json"));
        var provider = BinanceFakes.Spot(server);

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T + Hour / 2, T + 5 * Hour + Hour / 2, null, CancellationToken.None);

        Assert.Equal([T + Hour, T + 2 * Hour, T + 3 * Hour, T + 4 * Hour, T + 5 * Hour], series.Time);
        Assert.Single(server.Requests);
        Assert.Contains("&limit=5", server.Requests.Single().PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_ToIsExclusive_BarOpeningAtToIsLeftOut()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            BinanceFakes.Map(app, "/api/v3", "spot-klines.json", "spot-exchangeInfo.json"));
        var provider = BinanceFakes.Spot(server);

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + 3 * Hour, null, CancellationToken.None);

        Assert.Equal([T, T + Hour, T + 2 * Hour], series.Time);
        Assert.EndsWith($"endTime={T + 3 * Hour - 1}&limit=3", server.Requests.Single().PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_ServerIgnoresTheRange_RowsOutsideFromToAreDropped()
    {
        // A proxy or an old server that answers more than was asked for must not leak bars outside [from, to).
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/klines", () => BinanceFakes.Json(
                BinanceFakes.Klines("spot-klines.json", Timeframe.H1, T - 3 * Hour, T + 10 * Hour, 1000))));
        var provider = BinanceFakes.Spot(server);

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + 4 * Hour, null, CancellationToken.None);

        Assert.Equal([T, T + Hour, T + 2 * Hour, T + 3 * Hour], series.Time);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetCandlesAsync_HistoryStartsInsideTheRange_StopsAfterTheShortPage()
    {
        var listed = T + 1500 * Hour;
        // Binance starts at the first bar that exists at or after startTime.
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            BinanceFakes.Map(app, "/api/v3", "spot-klines.json", "spot-exchangeInfo.json", dataStart: listed));
        var provider = BinanceFakes.Spot(server);

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + 2000 * Hour, null, CancellationToken.None);

        // The first page already reaches endTime with fewer rows than asked for, so no second request is sent.
        Assert.Equal(500, series.Count);
        Assert.Equal(listed, series.Time[0]);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetCandlesAsync_UsdM_UsesFapiPathAndPerpetualTicker()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            BinanceFakes.Map(app, "/fapi/v1", "futures-klines.json", "futures-exchangeInfo.json"));
        var provider = BinanceFakes.Futures(server);

        var series = await provider.GetCandlesAsync(BtcPerp, Timeframe.M15, T, T + Hour, null, CancellationToken.None);

        Assert.Equal(4, series.Count);
        Assert.Equal($"/fapi/v1/klines?symbol=BTCUSDT&interval=15m&startTime={T}&endTime={T + Hour - 1}&limit=4", server.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task GetCandlesAsync_CalendarMonths_RequestsInterval1MAndAlignsOnTheFirst()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            BinanceFakes.Map(app, "/api/v3", "spot-klines.json", "spot-exchangeInfo.json"));
        var provider = BinanceFakes.Spot(server);
        var to = new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.Month1, T, to, null, CancellationToken.None);

        Assert.Contains("&interval=1M&", server.Requests.Single().PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(
            [1, 2, 3, 4, 5, 6],
            series.Time.Select(t => DateTimeOffset.FromUnixTimeMilliseconds(t).Month).ToArray());
        Assert.All(series.Time, t => Assert.Equal(1, DateTimeOffset.FromUnixTimeMilliseconds(t).Day));
    }

    [Fact]
    public async Task GetCandlesAsync_DocumentedKlineRow_ParsesStringPrices()
    {
        // The documented example row is a 1-week-long kline opening 2017-07-03 (a Monday).
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/klines", () => BinanceFakes.Json(BinanceFakes.Fixture("spot-klines.json"))));
        var provider = BinanceFakes.Spot(server);

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.W1, 1499040000000, 1499644800000, null, CancellationToken.None);

        var bar = Assert.Single(series.Time);
        Assert.Equal(1499040000000, bar);
        Assert.Equal(0.01634790, series.Open[0]);
        Assert.Equal(0.80000000, series.High[0]);
        Assert.Equal(0.01575800, series.Low[0]);
        Assert.Equal(0.01577100, series.Close[0]);
        Assert.Equal(148976.11427815, series.Volume[0]);
    }

    [Fact]
    public async Task GetCandlesAsync_MisalignedBar_ThrowsVenueErrorNamingTheTime()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/klines", () => BinanceFakes.Json(
                BinanceFakes.Klines("spot-klines.json", Timeframe.M30, T + 30 * 60_000, T + Hour, 1))));
        var provider = BinanceFakes.Spot(server);

        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + 2 * Hour, null, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("2024-01-01T00:30:00Z", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_EmptyRange_SendsNothing()
    {
        await using var server = await LoopbackVenueServer.StartAsync(_ => { });
        var provider = BinanceFakes.Spot(server);

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T, null, CancellationToken.None);

        Assert.Equal(0, series.Count);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("1m", "1m")]
    [InlineData("5m", "5m")]
    [InlineData("15m", "15m")]
    [InlineData("30m", "30m")]
    [InlineData("1h", "1h")]
    [InlineData("4h", "4h")]
    [InlineData("1d", "1d")]
    [InlineData("1w", "1w")]
    [InlineData("1M", "1M")]
    public void Interval_EveryTradewindTimeframe_MapsToABinanceInterval(string timeframe, string interval) =>
        Assert.Equal(interval, BinanceSymbols.Interval(Timeframe.Parse(timeframe)));

    [Fact]
    public async Task Endpoint_BaseUrlWithPathPrefix_SendsRequestsUnderThePrefix()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            BinanceFakes.Map(app, "/proxy/binance/api/v3", "spot-klines.json", "spot-exchangeInfo.json"));
        var endpoint = new VenueEndpoint { BaseUrl = new Uri(server.BaseUrl, "proxy/binance/") };
        var provider = new BinanceSpotMarketDataProvider(VenueTestKit.Http, endpoint, VenueTestKit.Clock());

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + 2 * Hour, null, CancellationToken.None);

        Assert.Equal(2, series.Count);
        Assert.StartsWith("/proxy/binance/api/v3/klines?", server.Requests.Single().PathAndQuery, StringComparison.Ordinal);
        Assert.Same(endpoint, provider.Endpoint);
    }

    [Fact]
    public async Task GetCandlesAsync_CallersHttpClient_CarriesItsDefaultHeaders()
    {
        string? userAgent = null;
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/klines", (HttpContext ctx) =>
            {
                userAgent = ctx.Request.Headers.UserAgent;
                return BinanceFakes.Json("[]");
            }));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Tradewind-Test/1.0");
        var provider = new BinanceSpotMarketDataProvider(http, new VenueEndpoint { BaseUrl = server.BaseUrl }, VenueTestKit.Clock());

        var series = await provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + Hour, null, CancellationToken.None);

        Assert.Equal(0, series.Count);
        Assert.Equal("Tradewind-Test/1.0", userAgent);
    }

    [Fact]
    public async Task GetCandlesAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/klines", async (HttpContext ctx) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
                return BinanceFakes.Json("[]");
            }));
        var provider = BinanceFakes.Spot(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + Hour, null, cts.Token));
    }

    [Fact]
    public void Endpoint_NotGiven_IsTheProductionApi()
    {

        Assert.Equal(new Uri("https://api.binance.com"), new BinanceSpotMarketDataProvider(VenueTestKit.Http).Endpoint.BaseUrl);
        Assert.Equal(new Uri("https://fapi.binance.com"), new BinanceFuturesUsdMarketDataProvider(VenueTestKit.Http).Endpoint.BaseUrl);
        Assert.Equal(9, new BinanceSpotMarketDataProvider(VenueTestKit.Http).NativeTimeframes.Count);
    }
}
