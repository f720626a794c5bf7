using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues;
using Tradewind.MarketData.Venues.Binance;

namespace Tradewind.MarketData.Tests.Venues.Binance;

public sealed class BinanceErrorTests
{
    private const long Hour = 3_600_000;
    private static readonly long T = VenueTestKit.StartMs;
    private static readonly Ticker BtcUsdt = Ticker.Parse("BINANCE:BTC/USDT");

    [Theory]
    [InlineData(429)]
    [InlineData(418)]
    public async Task GetCandlesAsync_RateLimitedWithRetryAfter_WaitsThatLongOnTheClockThenSucceeds(int status)
    {
        var clock = VenueTestKit.Clock();
        var seenAt = new ConcurrentQueue<DateTimeOffset>();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/klines", (HttpContext ctx) =>
            {
                seenAt.Enqueue(clock.GetUtcNow());
                if (seenAt.Count == 1)
                {
                    ctx.Response.Headers.RetryAfter = "120";
                    return Results.Text("{\"code\":-1003,\"msg\":\"Too many requests; IP banned until later.\"}", "application/json", statusCode: status);
                }

                return BinanceFakes.Json(BinanceFakes.Klines("spot-klines.json", Timeframe.H1, T, T + 2 * Hour - 1, 2));
            }));
        var provider = BinanceFakes.Spot(server, clock);

        var series = await VenueTestKit.AdvanceUntilDone(
            provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + 2 * Hour, null, CancellationToken.None),
            clock,
            TimeSpan.FromSeconds(10));

        Assert.Equal(2, series.Count);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, provider.RetryCount);
        var times = seenAt.ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(120), $"retried after {times[1] - times[0]}");
    }

    [Fact]
    public async Task GetCandlesAsync_StillRateLimitedAfterEveryAttempt_ThrowsRateLimited()
    {
        var clock = VenueTestKit.Clock();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/v3/klines", (HttpContext ctx) =>
            {
                ctx.Response.Headers.RetryAfter = "5";
                return Results.Text("", statusCode: 429);
            }));
        var endpoint = new VenueEndpoint { BaseUrl = server.BaseUrl, MaxAttempts = 3 };
        var provider = new BinanceSpotMarketDataProvider(VenueTestKit.Http, endpoint, clock);

        var ex = await Assert.ThrowsAsync<TradewindException>(() => VenueTestKit.AdvanceUntilDone(
            provider.GetCandlesAsync(BtcUsdt, Timeframe.H1, T, T + 2 * Hour, null, CancellationToken.None),
            clock,
            TimeSpan.FromSeconds(5)));

        Assert.Equal(ErrorCode.RateLimited, ex.Code);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GetCandlesAsync_MalformedJson_ThrowsVenueErrorSayingSo()
    {
        var (ex, _) = await CandlesFailAsync(() => Results.Text("[[1499040000000,\"0.0163", "application/json"));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/api/v3/klines", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_HtmlPageWithStatus200_ThrowsVenueErrorQuotingThePage()
    {
        var (ex, _) = await CandlesFailAsync(() => Results.Text(BinanceFakes.Fixture("proxy-error-page.html"), "text/html"));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("<html>", ex.Message, StringComparison.Ordinal);
        Assert.Contains("base URL", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_HtmlPageWithStatus403_ThrowsVenueErrorNamingTheStatus()
    {
        var (ex, _) = await CandlesFailAsync(() => Results.Text(BinanceFakes.Fixture("proxy-error-page.html"), "text/html", statusCode: 403));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("HTTP 403", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_InvalidSymbolBody_ThrowsUnknownSymbolWithCloseMatches()
    {
        var (ex, _) = await CandlesFailAsync(
            () => Results.Text(BinanceFakes.Fixture("error-invalid-symbol.json"), "application/json", statusCode: 400), "BINANCE:BTC/USTD");

        Assert.Equal(ErrorCode.UnknownSymbol, ex.Code);
        Assert.Contains("BINANCE:BTC/USTD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BTCUSTD", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("Close matches on binance: BINANCE:BTC/USDT", ex.Suggestion, StringComparison.Ordinal);
        Assert.Contains("BINANCE:BTC/USDC", ex.Suggestion, StringComparison.Ordinal);
        Assert.DoesNotContain("ETH/BTC", ex.Suggestion, StringComparison.Ordinal);
        Assert.Equal(-1121, ex.Details![BinanceErrors.VenueCodeDetail]);
        var venue = Assert.IsType<TradewindException>(ex.InnerException);
        Assert.Contains("Invalid symbol.", venue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_InvalidSymbolAndNothingClose_SaysSoInTheSuggestion()
    {
        var (ex, _) = await CandlesFailAsync(
            () => Results.Text(BinanceFakes.Fixture("error-invalid-symbol.json"), "application/json", statusCode: 400), "BINANCE:DOGEFATHER/EUR");

        Assert.Equal(ErrorCode.UnknownSymbol, ex.Code);
        Assert.Contains("No listed binance symbol is close", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_OtherBinanceErrorBody_ThrowsVenueErrorWithCodeAndMessage()
    {
        var (ex, requests) = await CandlesFailAsync(
            () => Results.Text(BinanceFakes.Fixture("error-invalid-interval.json"), "application/json", statusCode: 400));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("-1120", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid interval.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task GetCandlesAsync_PriceThatIsNotANumber_ThrowsNamingRowAndField()
    {
        var (ex, _) = await CandlesFailAsync(() => BinanceFakes.Json(
                $"[[{T},\"1.0\",\"abc\",\"0.5\",\"0.75\",\"12\",{T + Hour - 1},\"0\",1,\"0\",\"0\",\"0\"]]"));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("row 0 has high = \"abc\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_ObjectWhereKlinesExpected_ThrowsVenueErrorNamingTheShape()
    {
        var (ex, _) = await CandlesFailAsync(() => BinanceFakes.Json("{\"status\":\"ok\"}"));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("JSON object where Binance sends a JSON array", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", true, -1121)]
    [InlineData("{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'symbol'.\"}", true, -1100)]
    [InlineData("<html><body>Forbidden</body></html>", false, 0)]
    [InlineData("{\"error\":\"nope\"}", false, 0)]
    public void TryReadError_VariousBodies_RecognisesOnlyBinanceErrors(string body, bool expected, int code)
    {
        Assert.Equal(expected, BinanceErrors.TryReadError(body, out var parsed, out _));
        Assert.Equal(code, parsed);
    }

    /// <summary>
    /// Asks for two hours of candles from a fake Binance whose klines endpoint always gives <paramref name="klines"/>
    /// (exchangeInfo is the spot fixture, for suggestions); returns the error and how many requests were sent.
    /// </summary>
    private static async Task<(TradewindException Error, int Requests)> CandlesFailAsync(Func<IResult> klines, string ticker = "BINANCE:BTC/USDT")
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
        {
            app.MapGet("/api/v3/klines", klines);
            app.MapGet("/api/v3/exchangeInfo", () => BinanceFakes.Json(BinanceFakes.Fixture("spot-exchangeInfo.json")));
        });
        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            BinanceFakes.Spot(server).GetCandlesAsync(Ticker.Parse(ticker), Timeframe.H1, T, T + 2 * Hour, null, CancellationToken.None));
        return (ex, server.Requests.Count);
    }
}
