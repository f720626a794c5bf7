using Microsoft.Extensions.Time.Testing;
using Tradewind.Core;
using Tradewind.MarketData.Sim;
using static Tradewind.MarketData.Tests.Sim.SimTestData;

namespace Tradewind.MarketData.Tests.Sim;

public sealed class SimCandleTests
{
    [Fact]
    public async Task GetCandlesAsync_Year2024Hourly_Returns8784Bars()
    {
        var bars = await Provider().Candles(Btc, Timeframe.H1, "2024-01-01", "2025-01-01");

        Assert.Equal(8784, bars.Count); // 366 days x 24: 2024 is a leap year
        Assert.Equal(Ms("2024-01-01"), bars.Time[0]);
        Assert.Equal(Ms("2024-12-31T23:00:00Z"), bars.Time[^1]);
    }

    [Fact]
    public async Task GetCandlesAsync_TwoProvidersSameSeed_IdenticalBars()
    {
        var a = await Provider(seed: 42).Candles(BtcPerp, Timeframe.M5, "2023-05-01", "2023-05-04");
        var b = await Provider(seed: 42).Candles(BtcPerp, Timeframe.M5, "2023-05-01", "2023-05-04");

        AssertSameSeries(a, b);
    }

    [Fact]
    public async Task GetCandlesAsync_DifferentSeed_DifferentBars()
    {
        var a = await Provider(seed: 42).Candles(Btc, Timeframe.H1, "2023-05-01", "2023-05-04");
        var b = await Provider(seed: 43).Candles(Btc, Timeframe.H1, "2023-05-01", "2023-05-04");

        Assert.Equal(a.Time, b.Time);
        Assert.NotEqual(a.Close, b.Close);
        Assert.NotEqual(a.Volume, b.Volume);
    }

    [Fact]
    public async Task GetCandlesAsync_OrderOfRequests_DoesNotChangeBars()
    {
        var warmed = Provider();
        await warmed.Candles(Eth, Timeframe.M1, "2025-02-01", "2025-02-02");
        await warmed.Candles(Btc, Timeframe.H4, "2016-01-01", "2016-03-01");
        var fresh = Provider();

        AssertSameSeries(
            await fresh.Candles(Btc, Timeframe.M15, "2021-07-01", "2021-07-03"),
            await warmed.Candles(Btc, Timeframe.M15, "2021-07-01", "2021-07-03"));
    }

    [Theory]
    [InlineData("1m", "2024-02-27T13:07:00Z", "2024-03-01T00:17:00Z", "2024-03-02T05:00:00Z")]
    [InlineData("5m", "2024-02-27T13:07:31Z", "2024-02-28T23:59:00Z", "2024-03-02T05:03:00Z")]
    [InlineData("1h", "2023-12-30T10:30:00Z", "2024-01-01T00:00:00Z", "2024-01-05T07:00:00Z")]
    [InlineData("1d", "2023-12-03T05:00:00Z", "2024-01-17T00:00:00Z", "2024-02-20T00:00:00Z")]
    [InlineData("1w", "2023-12-03T00:00:00Z", "2024-01-17T00:00:00Z", "2024-02-20T00:00:00Z")]
    [InlineData("1M", "2023-10-15T00:00:00Z", "2023-12-01T00:00:00Z", "2024-02-10T00:00:00Z")]
    public async Task GetCandlesAsync_SplitRange_EqualsConcatenation(string timeframe, string a, string b, string c)
    {
        var tf = Timeframe.Parse(timeframe);
        var provider = Provider();

        var whole = await provider.Candles(BtcPerp, tf, a, c);
        var left = await Provider().Candles(BtcPerp, tf, a, b);
        var right = await Provider().Candles(BtcPerp, tf, b, c);

        var joined = new CandleSeriesBuilder();
        joined.AddRange(left);
        joined.AddRange(right);
        AssertSameSeries(whole, joined.Build());
        Assert.All(whole.Time, t => Assert.InRange(t, Ms(a), Ms(c) - 1));
    }

    [Theory]
    [InlineData("5m")]
    [InlineData("15m")]
    [InlineData("30m")]
    [InlineData("1h")]
    [InlineData("4h")]
    [InlineData("1d")]
    public async Task GetCandlesAsync_CoarseBar_IsExactAggregationOfMinuteBars(string timeframe)
    {
        var tf = Timeframe.Parse(timeframe);
        var provider = Provider();
        var minutes = await provider.Candles(Eth, Timeframe.M1, "2024-02-28", "2024-03-02");
        var coarse = await provider.Candles(Eth, tf, "2024-02-28", "2024-03-02");

        var per = (int)(tf.NominalMilliseconds / 60_000);
        Assert.Equal(minutes.Count / per, coarse.Count);
        for (var k = 0; k < coarse.Count; k++)
        {
            Assert.Equal(Aggregate(minutes, minutes.Time[k * per], k * per, per), coarse[k]);
        }

        // Core's resampler, an independent implementation, agrees bit for bit.
        AssertSameSeries(minutes.Resample(Timeframe.M1, tf), coarse);
    }

    [Fact]
    public async Task GetCandlesAsync_HourToDay_AggregatesExactly()
    {
        var provider = Provider();
        var hours = await provider.Candles(Btc, Timeframe.H1, "2024-01-01", "2024-04-01");
        var days = await provider.Candles(Btc, Timeframe.D1, "2024-01-01", "2024-04-01");

        AssertSameSeries(hours.Resample(Timeframe.H1, Timeframe.D1), days);
    }

    [Fact]
    public async Task GetCandlesAsync_Weekly_MondayAlignedAggregationOfMinutes()
    {
        var provider = Provider();
        var weeks = await provider.Candles(Btc, Timeframe.W1, "2024-01-01", "2024-01-15");
        var minutes = await provider.Candles(Btc, Timeframe.M1, "2024-01-01", "2024-01-15");

        Assert.Equal([Ms("2024-01-01"), Ms("2024-01-08")], weeks.Time); // both Mondays
        Assert.Equal(Aggregate(minutes, Ms("2024-01-01"), 0, 10_080), weeks[0]);
        Assert.Equal(Aggregate(minutes, Ms("2024-01-08"), 10_080, 10_080), weeks[1]);
    }

    [Fact]
    public async Task GetCandlesAsync_Monthly_CalendarAggregationOfMinutes()
    {
        var provider = Provider();
        var months = await provider.Candles(Eth, Timeframe.Month1, "2024-01-01", "2024-04-01");
        var february = await provider.Candles(Eth, Timeframe.M1, "2024-02-01", "2024-03-01");
        var days = await provider.Candles(Eth, Timeframe.D1, "2024-01-01", "2024-04-01");

        Assert.Equal([Ms("2024-01-01"), Ms("2024-02-01"), Ms("2024-03-01")], months.Time);
        Assert.Equal(29 * 1440, february.Count);
        Assert.Equal(Aggregate(february, Ms("2024-02-01"), 0, february.Count), months[1]);
        AssertSameSeries(days.Resample(Timeframe.D1, Timeframe.Month1), months);
    }

    [Fact]
    public async Task GetCandlesAsync_AggregatedVolume_IsExactInAnyOrder()
    {
        var provider = Provider();
        var minutes = await provider.Candles(Ticker.Parse("SIM:PEPE/USDT"), Timeframe.M1, "2024-05-01", "2024-05-02");
        var day = await provider.Candles(Ticker.Parse("SIM:PEPE/USDT"), Timeframe.D1, "2024-05-01", "2024-05-02");

        var backwards = 0.0;
        for (var i = minutes.Count - 1; i >= 0; i--)
        {
            backwards += minutes.Volume[i];
        }

        Assert.Equal(day.Volume[0], backwards);
    }

    [Theory]
    [InlineData("SIM:BTC/USDT")]
    [InlineData("SIM:BTC/USDT:USDT")]
    [InlineData("SIM:SOL/USDT:USDT")]
    [InlineData("SIM:PEPE/USDT")]
    public async Task GetCandlesAsync_MinuteBars_AreContinuousAcrossMidnight(string ticker)
    {
        var bars = await Provider().Candles(Ticker.Parse(ticker), Timeframe.M1, "2024-03-30T22:00:00Z", "2024-04-02T02:00:00Z");

        for (var i = 1; i < bars.Count; i++)
        {
            Assert.Equal(bars.Close[i - 1], bars.Open[i]);
            Assert.Equal(bars.Time[i - 1] + 60_000, bars.Time[i]);
        }
    }

    [Fact]
    public async Task GetCandlesAsync_DailyBars_AreContinuousOverYears()
    {
        var days = await Provider().Candles(Ticker.Parse("SIM:DOGE/USDT:USDT"), Timeframe.D1, "2015-01-01", "2016-01-01");

        Assert.Equal(365, days.Count);
        for (var i = 1; i < days.Count; i++)
        {
            Assert.Equal(days.Close[i - 1], days.Open[i]);
        }
    }

    [Fact]
    public async Task GetCandlesAsync_EverySymbol_SaneOhlcOnTheTickGrid()
    {
        var provider = Provider();
        var specs = await provider.GetInstrumentsAsync(CancellationToken.None);
        foreach (var spec in specs)
        {
            var bars = await provider.Candles(spec.Ticker, Timeframe.M1, "2022-06-13T00:00:00Z", "2022-06-13T06:00:00Z");
            var tick = (double)spec.TickSize;
            Assert.Equal(360, bars.Count);
            for (var i = 0; i < bars.Count; i++)
            {
                Assert.True(bars.Low[i] > 0, $"{spec.Ticker} low {bars.Low[i]}");
                Assert.True(bars.Low[i] <= Math.Min(bars.Open[i], bars.Close[i]), $"{spec.Ticker} bar {i}: low above body");
                Assert.True(bars.High[i] >= Math.Max(bars.Open[i], bars.Close[i]), $"{spec.Ticker} bar {i}: high below body");
                Assert.True(bars.Volume[i] > 0, $"{spec.Ticker} bar {i}: no volume");
                foreach (var price in new[] { bars.Open[i], bars.High[i], bars.Low[i], bars.Close[i] })
                {
                    var ticks = price / tick;
                    Assert.True(Math.Abs(ticks - Math.Round(ticks)) < 1e-6, $"{spec.Ticker} price {price} is off the {tick} grid");
                }
            }
        }
    }

    [Fact]
    public async Task GetCandlesAsync_PerpetualTracksSpotWithinBasis()
    {
        var provider = Provider();
        var spot = await provider.Candles(Btc, Timeframe.H1, "2024-01-01", "2024-03-01");
        var perp = await provider.Candles(BtcPerp, Timeframe.H1, "2024-01-01", "2024-03-01");

        Assert.Equal(spot.Time, perp.Time);
        Assert.NotEqual(spot.Close, perp.Close);
        for (var i = 0; i < spot.Count; i++)
        {
            Assert.InRange(perp.Close[i] / spot.Close[i] - 1, -0.01, 0.01);
        }

        Assert.True(perp.Volume.Sum() > 2 * spot.Volume.Sum(), "perpetuals trade more than spot");
    }

    [Fact]
    public async Task GetCandlesAsync_RangeReachesNow_OnlyClosedBars()
    {
        // Now is 2024-06-05 (a Wednesday) 12:34:56.789.
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 5, 12, 34, 56, 789, TimeSpan.Zero));
        var provider = new SimMarketDataProvider(null, clock);

        async Task<long> LastOpen(Timeframe tf) =>
            (await provider.GetCandlesAsync(Btc, tf, Ms("2024-04-20"), Ms("2030-01-01"), null, CancellationToken.None)).Time[^1];

        Assert.Equal(Ms("2024-06-05T12:33:00Z"), await LastOpen(Timeframe.M1));
        Assert.Equal(Ms("2024-06-05T12:25:00Z"), await LastOpen(Timeframe.M5));
        Assert.Equal(Ms("2024-06-05T11:00:00Z"), await LastOpen(Timeframe.H1));
        Assert.Equal(Ms("2024-06-05T08:00:00Z"), await LastOpen(Timeframe.H4));
        Assert.Equal(Ms("2024-06-04"), await LastOpen(Timeframe.D1));
        Assert.Equal(Ms("2024-05-27"), await LastOpen(Timeframe.W1));
        Assert.Equal(Ms("2024-05-01"), await LastOpen(Timeframe.Month1));

        var before = await provider.Candles(Btc, Timeframe.M1, "2024-06-05T12:00:00Z", "2030-01-01");
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = await provider.Candles(Btc, Timeframe.M1, "2024-06-05T12:00:00Z", "2030-01-01");
        Assert.Equal(before.Count + 1, after.Count);
        AssertSameSeries(before, after.Slice(0, before.Count));
    }

    [Fact]
    public async Task GetCandlesAsync_BeforeGenesis_NoBars()
    {
        var provider = Provider();

        Assert.Equal(0, (await provider.Candles(Btc, Timeframe.H1, "2014-01-01", "2015-01-01")).Count);
        var crossing = await provider.Candles(Btc, Timeframe.H1, "2014-12-31T20:00:00Z", "2015-01-01T03:00:00Z");
        Assert.Equal([Ms("2015-01-01"), Ms("2015-01-01T01:00:00Z"), Ms("2015-01-01T02:00:00Z")], crossing.Time);
        Assert.Equal(40000, crossing.Open[0]); // BTC starts at its anchor price
    }

    [Fact]
    public async Task GetCandlesAsync_WeekContainingGenesis_IsPartialBarAtMonday()
    {
        // Genesis 2015-01-01 is a Thursday; its week opens on Monday 2014-12-29 and holds four days of data.
        var provider = Provider();
        var weeks = await provider.Candles(Btc, Timeframe.W1, "2014-12-01", "2015-01-12");
        var days = await provider.Candles(Btc, Timeframe.D1, "2014-12-01", "2015-01-12");

        Assert.Equal([Ms("2014-12-29"), Ms("2015-01-05")], weeks.Time);
        Assert.Equal(Aggregate(days, Ms("2014-12-29"), 0, 4), weeks[0]);
    }

    [Fact]
    public async Task GetCandlesAsync_EmptyOrInvertedRange_NoBars()
    {
        var provider = Provider();

        Assert.Equal(0, (await provider.Candles(Btc, Timeframe.H1, "2024-01-01", "2024-01-01")).Count);
        Assert.Equal(0, (await provider.Candles(Btc, Timeframe.H1, "2024-02-01", "2024-01-01")).Count);
        Assert.Equal(0, (await provider.Candles(Btc, Timeframe.D1, "2024-01-01T01:00:00Z", "2024-01-01T23:00:00Z")).Count);
    }

    [Fact]
    public async Task GetCandlesAsync_TooManyBars_ValidationErrorSuggestsShorterRange()
    {
        var error = await Assert.ThrowsAsync<TradewindException>(() => Provider().Candles(Btc, Timeframe.M1, "2015-01-01", "2025-01-01"));

        Assert.Equal(ErrorCode.ValidationError, error.Code);
        Assert.Contains("5000000", error.Message);
        Assert.Contains("coarser timeframe", error.Suggestion);
    }

    [Fact]
    public async Task GetCandlesAsync_ReportsProgressAndHonoursCancellation()
    {
        var seen = new List<long>();
        var progress = new SynchronousProgress(seen);
        var bars = await Provider().GetCandlesAsync(Btc, Timeframe.H1, Ms("2024-01-01"), Ms("2024-01-04"), progress, CancellationToken.None);

        Assert.Equal(bars.Time[^1], seen[^1]);
        Assert.Equal(seen.Order(), seen);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Provider().GetCandlesAsync(Btc, Timeframe.H1, Ms("2024-01-01"), Ms("2024-01-04"), null, cancelled.Token));
    }

    [Fact]
    public void NativeTimeframes_AllNine()
    {
        var provider = Provider();

        Assert.Equal(ExchangeId.Sim, provider.Exchange);
        Assert.Equal(Timeframe.All, provider.NativeTimeframes);
        Assert.Equal(9, provider.NativeTimeframes.Count);
    }

    [Fact]
    public void Constructor_GenesisNotMidnight_ValidationError()
    {
        var error = Assert.Throws<TradewindException>(
            () => new SimMarketDataProvider(new SimOptions { Genesis = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero) }));

        Assert.Equal(ErrorCode.ValidationError, error.Code);
        Assert.Contains("Genesis", error.Message);
    }

    [Fact]
    public async Task GetCandlesAsync_LaterGenesis_StartsThere()
    {
        var provider = new SimMarketDataProvider(
            new SimOptions { Genesis = new DateTimeOffset(2020, 3, 1, 0, 0, 0, TimeSpan.Zero) }, new FakeTimeProvider(Now));

        var bars = await provider.Candles(Eth, Timeframe.D1, "2019-01-01", "2020-03-05");

        Assert.Equal(Ms("2020-03-01"), bars.Time[0]);
        Assert.Equal(2500, bars.Open[0]);
        Assert.Equal(4, bars.Count);
    }

    private sealed class SynchronousProgress(List<long> seen) : IProgress<long>
    {
        public void Report(long value) => seen.Add(value);
    }
}
