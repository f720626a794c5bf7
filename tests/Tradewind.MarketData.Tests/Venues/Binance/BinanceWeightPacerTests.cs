using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues.Binance;

namespace Tradewind.MarketData.Tests.Venues.Binance;

public sealed class BinanceWeightPacerTests
{
    private const long Hour = 3_600_000;

    [Fact]
    public async Task AcquireAsync_UnderTheBudget_ReturnsAtOnce()
    {
        var clock = VenueTestKit.Clock();
        var pacer = new BinanceWeightPacer(clock, 100);

        for (var i = 0; i < 9; i++)
        {
            var acquire = pacer.AcquireAsync(10, CancellationToken.None);
            Assert.True(acquire.IsCompleted);
            await acquire;
        }

        Assert.Equal(90, pacer.Used);
        Assert.Equal(0, pacer.Waits);
    }

    [Fact]
    public async Task AcquireAsync_PastNinetyPercent_WaitsForTheNextMinuteWindow()
    {
        var clock = VenueTestKit.Clock(VenueTestKit.Start.AddSeconds(42));
        var pacer = new BinanceWeightPacer(clock, 100);
        pacer.Observe(85);

        var acquire = pacer.AcquireAsync(10, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(17));
        await Task.Delay(20);
        Assert.False(acquire.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await acquire;

        Assert.Equal(1, pacer.Waits);
        Assert.Equal(10, pacer.Used);
    }

    [Fact]
    public void Observe_HigherThanTheEstimate_TakesTheVenuesCount()
    {
        var clock = VenueTestKit.Clock();
        var pacer = new BinanceWeightPacer(clock, 6000);

        pacer.Observe(1234);
        pacer.Observe(1000);

        Assert.Equal(1234, pacer.Used);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, pacer.Used);
    }

    [Fact]
    public async Task AcquireAsync_EmptyWindowAndHeavyRequest_IsAdmitted()
    {
        var pacer = new BinanceWeightPacer(VenueTestKit.Clock(), 10);

        await pacer.AcquireAsync(50, CancellationToken.None);

        Assert.Equal(50, pacer.Used);
    }

    [Fact]
    public async Task GetCandlesAsync_VenueReportsWeightNearTheLimit_NextPageWaitsForTheNextMinute()
    {
        var clock = VenueTestKit.Clock(VenueTestKit.Start.AddSeconds(30));
        var t = VenueTestKit.StartMs;
        var seenAt = new ConcurrentQueue<DateTimeOffset>();
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            BinanceFakes.Map(app, "/api/v3", "spot-klines.json", "spot-exchangeInfo.json", onRequest: ctx =>
            {
                var now = clock.GetUtcNow();
                seenAt.Enqueue(now);
                ctx.Response.Headers[BinanceWeightPacer.UsedWeightHeader] = now.Minute == 0 ? "5500" : "2";
            }));
        var provider = BinanceFakes.Spot(server, clock);

        var task = provider.GetCandlesAsync(Ticker.Parse("BINANCE:BTC/USDT"), Timeframe.H1, t, t + 1500 * Hour, null, CancellationToken.None);

        // 5500 used plus the next page's 2 is past 90% of 6000: the second page waits for 00:01:00.
        await VenueTestKit.WaitUntil(() => provider.Pacer.Waits == 1, "the pacer holds the second page");
        Assert.Single(server.Requests);
        var series = await VenueTestKit.AdvanceUntilDone(task, clock, TimeSpan.FromSeconds(5));

        Assert.Equal(1500, series.Count);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, provider.Pacer.Waits);
        Assert.True(seenAt.Last() >= VenueTestKit.Start.AddMinutes(1), $"second page sent at {seenAt.Last():O}");
    }
}
