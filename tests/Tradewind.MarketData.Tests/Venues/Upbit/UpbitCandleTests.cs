using Microsoft.AspNetCore.Builder;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues.Upbit;

namespace Tradewind.MarketData.Tests.Venues.Upbit;

public sealed class UpbitCandleTests
{
    private const long Minute = 60_000;
    private static readonly long T = VenueTestKit.StartMs;
    private static readonly Ticker BtcKrw = Ticker.Parse("UPBIT:BTC/KRW");

    [Fact]
    public async Task GetCandlesAsync_ThreePagesBackwards_IssuesExactRequestsAndReturnsOldestFirst()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            UpbitFakes.MapCandles(app, "/v1/candles/minutes/1", "candles-minutes.json", Timeframe.M1));
        var provider = UpbitFakes.Provider(server);
        var progress = new ProgressRecorder();

        var series = await provider.GetCandlesAsync(BtcKrw, Timeframe.M1, T, T + 450 * Minute, progress, CancellationToken.None);

        Assert.Equal(
            [
                "/v1/candles/minutes/1?market=KRW-BTC&to=2024-01-01T07:30:00Z&count=200",
                "/v1/candles/minutes/1?market=KRW-BTC&to=2024-01-01T04:10:00Z&count=200",
                "/v1/candles/minutes/1?market=KRW-BTC&to=2024-01-01T00:50:00Z&count=50",
            ],
            VenueTestKit.Paths(server));
        Assert.Equal(450, series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            Assert.Equal(T + i * Minute, series.Time[i]);
            Assert.Equal(UpbitFakes.OpenAt(series.Time[i]), series.Open[i]);
            Assert.Equal(UpbitFakes.OpenAt(series.Time[i]) + 500, series.Close[i]);
        }

        // The newest bar is known after the first page; later pages only reach further back.
        Assert.Equal([T + 449 * Minute], progress.Values);
    }

    [Fact]
    public async Task GetCandlesAsync_NoTradesForHalfAnHour_PagesPastTheGapAndLeavesItEmpty()
    {
        var gapStart = T + 120 * Minute;
        var gapEnd = T + 150 * Minute;
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            UpbitFakes.MapCandles(
                app, "/v1/candles/minutes/1", "candles-minutes.json", Timeframe.M1, missing: t => t >= gapStart && t < gapEnd));
        var provider = UpbitFakes.Provider(server);

        var series = await provider.GetCandlesAsync(BtcKrw, Timeframe.M1, T, T + 450 * Minute, null, CancellationToken.None);

        Assert.Equal(420, series.Count);
        Assert.Equal(T, series.Time[0]);
        Assert.Equal(T + 449 * Minute, series.Time[^1]);
        Assert.DoesNotContain(series.Time, t => t >= gapStart && t < gapEnd);
        Assert.Equal(
            [
                "/v1/candles/minutes/1?market=KRW-BTC&to=2024-01-01T07:30:00Z&count=200",
                "/v1/candles/minutes/1?market=KRW-BTC&to=2024-01-01T04:10:00Z&count=200",
                "/v1/candles/minutes/1?market=KRW-BTC&to=2024-01-01T00:20:00Z&count=20",
            ],
            VenueTestKit.Paths(server));
    }

    [Fact]
    public async Task GetCandlesAsync_MarketListedInsideTheRange_StopsAtTheFirstEmptyPage()
    {
        var listed = T + 300 * Minute;
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            UpbitFakes.MapCandles(app, "/v1/candles/minutes/1", "candles-minutes.json", Timeframe.M1, dataStart: listed));
        var provider = UpbitFakes.Provider(server);

        var series = await provider.GetCandlesAsync(BtcKrw, Timeframe.M1, T, T + 450 * Minute, null, CancellationToken.None);

        Assert.Equal(150, series.Count);
        Assert.Equal(listed, series.Time[0]);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetCandlesAsync_UnalignedBounds_RoundsToUpAndKeepsTheHalfOpenRange()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            UpbitFakes.MapCandles(app, "/v1/candles/minutes/1", "candles-minutes.json", Timeframe.M1));
        var provider = UpbitFakes.Provider(server);

        var series = await provider.GetCandlesAsync(
            BtcKrw, Timeframe.M1, T + 2 * Minute - 500, T + 10 * Minute + 500, null, CancellationToken.None);

        Assert.Equal(Enumerable.Range(2, 9).Select(i => T + i * Minute), series.Time);
        Assert.Equal(["/v1/candles/minutes/1?market=KRW-BTC&to=2024-01-01T00:10:01Z&count=9"], VenueTestKit.Paths(server));
    }

    [Fact]
    public async Task GetCandlesAsync_DocumentedMinuteCandle_TakesTheUtcFieldNotKst()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/v1/candles/minutes/1", () => UpbitFakes.Json(UpbitFakes.Fixture("candles-minutes.json"))));
        var provider = UpbitFakes.Provider(server);
        var utc = new DateTimeOffset(2018, 4, 18, 10, 16, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        var series = await provider.GetCandlesAsync(BtcKrw, Timeframe.M1, utc, utc + Minute, null, CancellationToken.None);

        // candle_date_time_kst is 19:16; the bar must open at 10:16 UTC.
        Assert.Equal([utc], series.Time);
        Assert.Equal(8615000, series.Open[0]);
        Assert.Equal(8618000, series.High[0]);
        Assert.Equal(8611000, series.Low[0]);
        Assert.Equal(8616000, series.Close[0]);
        Assert.Equal(6.96780929, series.Volume[0]);
    }

    [Theory]
    [InlineData("candles-days.json", "/v1/candles/days", "1d", "2018-04-18T00:00:00Z")]
    [InlineData("candles-weeks.json", "/v1/candles/weeks", "1w", "2018-04-16T00:00:00Z")]
    [InlineData("candles-months.json", "/v1/candles/months", "1M", "2018-04-01T00:00:00Z")]
    public async Task GetCandlesAsync_DocumentedDayWeekMonthCandles_LandOnTheTradewindGrid(
        string fixture, string path, string timeframe, string expectedOpen)
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet(path, () => UpbitFakes.Json(UpbitFakes.Fixture(fixture))));
        var provider = UpbitFakes.Provider(server);
        var tf = Timeframe.Parse(timeframe);
        var open = TimeFormat.ParseUtc(expectedOpen, "expected");

        var series = await provider.GetCandlesAsync(BtcKrw, tf, open, tf.Next(open), null, CancellationToken.None);

        // Upbit's weeks start on Monday (2018-04-16 was one) and months on the 1st, at 00:00 UTC (09:00 KST).
        Assert.Equal([open], series.Time);
        Assert.True(tf.IsAligned(open));
        Assert.StartsWith(path + "?market=KRW-BTC&to=", server.Requests.Single().PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_WeekCandleNotOnMonday_ThrowsVenueErrorNamingTheTime()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/v1/candles/weeks", () => UpbitFakes.Json(
                UpbitFakes.Fixture("candles-weeks.json").Replace("2018-04-16T00:00:00", "2018-04-15T00:00:00", StringComparison.Ordinal))));
        var provider = UpbitFakes.Provider(server);
        var from = TimeFormat.ParseUtc("2018-04-09", "from");

        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            provider.GetCandlesAsync(BtcKrw, Timeframe.W1, from, from + 14 * 86_400_000L, null, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("2018-04-15T00:00:00Z", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1m", "/v1/candles/minutes/1")]
    [InlineData("5m", "/v1/candles/minutes/5")]
    [InlineData("15m", "/v1/candles/minutes/15")]
    [InlineData("30m", "/v1/candles/minutes/30")]
    [InlineData("1h", "/v1/candles/minutes/60")]
    [InlineData("4h", "/v1/candles/minutes/240")]
    [InlineData("1d", "/v1/candles/days")]
    [InlineData("1w", "/v1/candles/weeks")]
    [InlineData("1M", "/v1/candles/months")]
    public void CandlePath_EveryTradewindTimeframe_MapsToAnUpbitEndpoint(string timeframe, string path) =>
        Assert.Equal(path, UpbitMarkets.CandlePath(Timeframe.Parse(timeframe)));

    [Fact]
    public async Task GetCandlesAsync_FourHourCandles_PageBackwardsOnTheUtcGrid()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            UpbitFakes.MapCandles(app, "/v1/candles/minutes/240", "candles-minutes.json", Timeframe.H4));
        var provider = UpbitFakes.Provider(server);
        const long FourHours = 4 * 3_600_000L;

        var series = await provider.GetCandlesAsync(BtcKrw, Timeframe.H4, T, T + 250 * FourHours, null, CancellationToken.None);

        Assert.Equal(250, series.Count);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => T + i * FourHours), series.Time);
        Assert.Equal(2, server.Requests.Count);
    }
}
