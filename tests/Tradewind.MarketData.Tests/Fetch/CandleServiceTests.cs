using Microsoft.Extensions.Time.Testing;
using Tradewind.Core;
using Tradewind.MarketData.Storage;
using Tradewind.MarketData.Tests.Storage;

namespace Tradewind.MarketData.Tests.Fetch;

/// <summary>
/// CandleService over a real SQLite store in a temp directory, with <see cref="CountingProvider"/> standing in for
/// the venue at the IMarketDataProvider boundary.
/// </summary>
public sealed class CandleServiceTests : IDisposable
{
    private const long Minute = 60_000;
    private const long Hour = 3_600_000;
    private const long Day = 86_400_000;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Ticker Btc = Ticker.Parse("SIM:BTC/USDT");
    private static readonly long Start = new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(); // a Monday

    private readonly TempDirectory _temp = new();
    private readonly SqliteCandleStore _store;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 6, 1, 12, 30, 0, TimeSpan.Zero));

    public CandleServiceTests()
    {
        _store = new SqliteCandleStore(_temp.File("candles.db"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task GetCandles_EmptyStore_FetchesTheRangeOnceAndReturnsIt()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.M1, Timeframe.H1, Timeframe.D1);
        var service = Service(venue);
        var to = Start + (48 * Hour);

        var result = await service.GetCandlesAsync(Btc, Timeframe.H1, Start, to, null, None);

        TestCandles.AssertEqual(CountingProvider.Series(Timeframe.H1, Start, to), result.Candles);
        Assert.Equal([(Timeframe.H1, Start, to)], venue.Calls);
        Assert.Equal(48, result.BarsFetched);
        Assert.Equal(48, result.BarsStored);
        Assert.Equal(1, result.Requests);
        Assert.Equal([new TimeRange(Start, to)], result.RangesFetched);
        Assert.Equal([new TimeRange(Start, to)], await _store.GetCoverageAsync(Btc, Timeframe.H1, None));
    }

    [Fact]
    public async Task GetCandles_SameRequestAgain_FetchesNothingAndReturnsTheSameBars()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.H1);
        var service = Service(venue);
        var to = Start + (100 * Hour);
        var first = await service.GetCandlesAsync(Btc, Timeframe.H1, Start, to, null, None);

        var second = await service.GetCandlesAsync(Btc, Timeframe.H1, Start, to, null, None);

        Assert.Single(venue.Calls);
        Assert.True(second.FromStoreOnly);
        Assert.Equal(0, second.BarsFetched);
        Assert.Empty(second.RangesFetched);
        TestCandles.AssertEqual(first.Candles, second.Candles);
    }

    [Fact]
    public async Task GetCandles_WiderRequest_FetchesOnlyTheMissingEnds()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.H1);
        var service = Service(venue);
        await service.GetCandlesAsync(Btc, Timeframe.H1, Start + (10 * Hour), Start + (20 * Hour), null, None);

        var result = await service.GetCandlesAsync(Btc, Timeframe.H1, Start, Start + (30 * Hour), null, None);

        Assert.Equal(
            [(Timeframe.H1, Start + (10 * Hour), Start + (20 * Hour)), (Timeframe.H1, Start, Start + (10 * Hour)), (Timeframe.H1, Start + (20 * Hour), Start + (30 * Hour))],
            venue.Calls);
        Assert.Equal(2, result.Requests);
        Assert.Equal(20, result.BarsFetched);
        TestCandles.AssertEqual(CountingProvider.Series(Timeframe.H1, Start, Start + (30 * Hour)), result.Candles);
        Assert.Equal([new TimeRange(Start, Start + (30 * Hour))], await _store.GetCoverageAsync(Btc, Timeframe.H1, None));
    }

    [Fact]
    public async Task GetCandles_UnalignedBounds_ReturnsBarsWhoseOpenTimeIsInRange()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.H1);

        var result = await Service(venue).GetCandlesAsync(Btc, Timeframe.H1, Start + (30 * Minute), Start + (5 * Hour) + 1, null, None);

        // From 00:30 the first bar opening in range is 01:00; up to 05:00:00.001 the last is 05:00.
        Assert.Equal(Start + Hour, result.Candles.FirstTime);
        Assert.Equal(Start + (5 * Hour), result.Candles.LastTime);
        Assert.Equal([(Timeframe.H1, Start + Hour, Start + (6 * Hour))], venue.Calls);
    }

    [Fact]
    public async Task GetCandles_RangeReachingPastNow_StoresOnlyClosedBarsAndLaterFetchesJustTheNewOnes()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.H1);
        var service = Service(venue);
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds(); // 12:30, inside the 12:00 bar
        var currentBar = Timeframe.H1.Floor(now);

        var result = await service.GetCandlesAsync(Btc, Timeframe.H1, now - (24 * Hour), now + (24 * Hour), null, None);

        Assert.Equal(currentBar - Hour, result.Candles.LastTime); // the 11:00 bar closed at 12:00; the 12:00 bar is open
        Assert.All(venue.Calls, c => Assert.True(c.To <= currentBar));
        Assert.Equal(currentBar, (await _store.GetCoverageAsync(Btc, Timeframe.H1, None))[^1].To);

        _clock.Advance(TimeSpan.FromHours(2)); // 14:30: the 12:00 and 13:00 bars have closed
        var later = await service.GetCandlesAsync(Btc, Timeframe.H1, now - (24 * Hour), now + (24 * Hour), null, None);

        Assert.Equal([new TimeRange(currentBar, currentBar + (2 * Hour))], later.RangesFetched);
        Assert.Equal(currentBar + Hour, later.Candles.LastTime);
    }

    [Fact]
    public async Task GetCandles_RangeEntirelyInTheFuture_ReturnsEmptyWithoutCallingTheVenue()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.H1);
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();

        var result = await Service(venue).GetCandlesAsync(Btc, Timeframe.H1, now, now + Day, null, None);

        Assert.Equal(0, result.Candles.Count);
        Assert.Empty(venue.Calls);
    }

    [Fact]
    public async Task GetCandles_VenueOutage_RangeIsCoveredNotRefetchedAndReportedAsGap()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.M1);
        var outage = new TimeRange(Start + (100 * Minute), Start + (130 * Minute));
        venue.AddOutage(outage);
        var service = Service(venue);
        var to = Start + (300 * Minute);

        var first = await service.GetCandlesAsync(Btc, Timeframe.M1, Start, to, null, None);
        var second = await service.GetCandlesAsync(Btc, Timeframe.M1, Start + (90 * Minute), Start + (140 * Minute), null, None);

        Assert.Equal(270, first.Candles.Count);
        Assert.True(second.FromStoreOnly);
        Assert.Single(venue.Calls);
        Assert.Equal([outage], await _store.FindGapsAsync(Btc, Timeframe.M1, Start, to, None));
    }

    [Fact]
    public async Task GetCandles_TimeframeNotNative_FetchesCoarsestDivisorAndResamples()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.M1, Timeframe.M15, Timeframe.H1, Timeframe.D1);
        var to = Start + (2 * Day);

        var result = await Service(venue).GetCandlesAsync(Btc, Timeframe.H4, Start, to, null, None);

        Assert.Equal([(Timeframe.H1, Start, to)], venue.Calls);
        Assert.Equal(Timeframe.H1, result.SourceTimeframe);
        Assert.Equal(48, result.BarsFetched);
        Assert.Equal(12, result.BarsStored);
        var hourly = CountingProvider.Series(Timeframe.H1, Start, to);
        TestCandles.AssertEqual(hourly.Resample(Timeframe.H1, Timeframe.H4), result.Candles);

        // First open, highest high, lowest low, last close, summed volume of the four hours.
        var fourHours = hourly.Slice(4, 4);
        Assert.Equal(fourHours.Open[0], result.Candles.Open[1]);
        Assert.Equal(fourHours.High.Max(), result.Candles.High[1]);
        Assert.Equal(fourHours.Low.Min(), result.Candles.Low[1]);
        Assert.Equal(fourHours.Close[3], result.Candles.Close[1]);
        Assert.Equal(fourHours.Volume.Sum(), result.Candles.Volume[1]);
    }

    [Fact]
    public async Task GetCandles_WeeklyFromDailyVenueWithOutageAtWeekEnd_KeepsTheClosedWeek()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.H1, Timeframe.D1);
        venue.AddOutage(new TimeRange(Start + (6 * Day), Start + (7 * Day))); // the first week's Sunday is missing
        var to = Start + (21 * Day);

        var result = await Service(venue).GetCandlesAsync(Btc, Timeframe.W1, Start, to, null, None);

        Assert.Equal([(Timeframe.D1, Start, to)], venue.Calls);
        Assert.Equal([Start, Start + (7 * Day), Start + (14 * Day)], result.Candles.Time);
        Assert.Equal(CountingProvider.BarAt(Timeframe.D1, Start + (5 * Day)).Close, result.Candles.Close[0]);
    }

    [Fact]
    public async Task GetCandles_NoNativeTimeframeDivides_ThrowsDataUnavailableNamingTheNativeOnes()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.W1);

        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            Service(venue).GetCandlesAsync(Btc, Timeframe.D1, Start, Start + Day, null, None));

        Assert.Equal(ErrorCode.DataUnavailable, ex.Code);
        Assert.Contains("1w", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1w", ex.Suggestion, StringComparison.Ordinal);
        Assert.Empty(venue.Calls);
    }

    [Fact]
    public async Task GetCandles_ExchangeWithoutProvider_ThrowsUnknownExchangeListingConfiguredOnes()
    {
        var service = Service(new CountingProvider(ExchangeId.Sim, Timeframe.H1), new CountingProvider(ExchangeId.Binance, Timeframe.H1));

        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            service.GetCandlesAsync(Ticker.Parse("UPBIT:BTC/KRW"), Timeframe.H1, Start, Start + Day, null, None));

        Assert.Equal(ErrorCode.UnknownExchange, ex.Code);
        Assert.Contains("'upbit'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Configured exchanges: binance, sim. Use one of them, or configure 'upbit'.", ex.Suggestion);
    }

    [Fact]
    public async Task GetCandles_EmptyRange_ThrowsValidationError()
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(() =>
            Service(new CountingProvider(ExchangeId.Sim, Timeframe.H1)).GetCandlesAsync(Btc, Timeframe.H1, Start, Start, null, None));

        Assert.Equal(ErrorCode.ValidationError, ex.Code);
    }

    [Fact]
    public async Task GetCandles_CoverageEndingMidBar_RefetchesThatWholeBar()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.M1);
        await _store.UpsertAsync(Btc, Timeframe.H1, CountingProvider.Series(Timeframe.H1, Start, Start + Hour), new(Start, Start + (90 * Minute)), None);

        var result = await Service(venue).GetCandlesAsync(Btc, Timeframe.H1, Start, Start + (5 * Hour), null, None);

        Assert.Equal([(Timeframe.M1, Start + Hour, Start + (5 * Hour))], venue.Calls);
        Assert.Equal(5, result.Candles.Count);
    }

    [Fact]
    public async Task GetCandles_LongRange_IsFetchedInSlicesAlignedToTheTimeframe()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.M15);
        var service = new CandleService(_store, new ProviderRegistry([venue]), _clock) { SliceBars = 100 };
        var to = Start + (3 * Day);

        var result = await service.GetCandlesAsync(Btc, Timeframe.H1, Start, to, null, None);

        // 100 fifteen-minute bars = 25 hours: slices end on hour boundaries and tile the range exactly.
        Assert.Equal(3, venue.Calls.Count);
        Assert.Equal([Start, Start + (25 * Hour), Start + (50 * Hour)], venue.Calls.Select(c => c.From));
        Assert.Equal([Start + (25 * Hour), Start + (50 * Hour), to], venue.Calls.Select(c => c.To));
        Assert.Equal(3, result.Requests);
        Assert.Equal([new TimeRange(Start, to)], result.RangesFetched);
        Assert.Equal(72, result.Candles.Count);
    }

    [Fact]
    public async Task GetCandles_VenueFailsMidway_KeepsFinishedSlicesAndResumesFromThere()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.H1) { FailOnCall = 3 };
        var service = new CandleService(_store, new ProviderRegistry([venue]), _clock) { SliceBars = 24 };
        var to = Start + (5 * Day);

        var ex = await Assert.ThrowsAsync<TradewindException>(() => service.GetCandlesAsync(Btc, Timeframe.H1, Start, to, null, None));
        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Equal([new TimeRange(Start, Start + (2 * Day))], await _store.GetCoverageAsync(Btc, Timeframe.H1, None));

        venue.FailOnCall = null;
        var resumed = await service.GetCandlesAsync(Btc, Timeframe.H1, Start, to, null, None);

        Assert.Equal([new TimeRange(Start + (2 * Day), to)], resumed.RangesFetched);
        TestCandles.AssertEqual(CountingProvider.Series(Timeframe.H1, Start, to), resumed.Candles);
    }

    [Fact]
    public async Task GetCandles_WithProgress_ReportsEachPartAndEndsAtOne()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.M1);
        var service = Service(venue);
        await service.GetCandlesAsync(Btc, Timeframe.M1, Start + (2000 * Minute), Start + (3000 * Minute), null, None);
        var reports = new List<FetchProgress>();

        await service.GetCandlesAsync(Btc, Timeframe.M1, Start, Start + (5000 * Minute), new SyncProgress(reports), None);

        Assert.NotEmpty(reports);
        Assert.Equal(2, reports[^1].Parts);
        Assert.Equal(2, reports[^1].Part);
        Assert.Equal(1.0, reports[^1].Fraction);
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].Fraction >= reports[i - 1].Fraction, "progress never goes back");
        }
    }

    [Fact]
    public async Task GetCandles_ConcurrentIdenticalRequests_VenueIsAskedOnce()
    {
        var venue = new CountingProvider(ExchangeId.Sim, Timeframe.M5);
        var service = Service(venue);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => service.GetCandlesAsync(Btc, Timeframe.M5, Start, Start + Day, null, None))));

        Assert.Single(venue.Calls);
        Assert.All(results, r => Assert.Equal(288, r.Candles.Count));
    }

    [Fact]
    public void Registry_TwoProvidersForOneExchange_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new ProviderRegistry(
            [new CountingProvider(ExchangeId.Sim, Timeframe.H1), new CountingProvider(ExchangeId.Sim, Timeframe.D1)]));
    }

    [Fact]
    public void Registry_NoProviders_ErrorSuggestsTheSimExchange()
    {
        var ex = Assert.Throws<TradewindException>(() => new ProviderRegistry([]).Get(ExchangeId.Binance));

        Assert.Equal(ErrorCode.UnknownExchange, ex.Code);
        Assert.Contains("'sim'", ex.Suggestion, StringComparison.Ordinal);
    }

    private CandleService Service(params IMarketDataProvider[] providers) =>
        new(_store, new ProviderRegistry(providers), _clock);

    private sealed class SyncProgress(List<FetchProgress> reports) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value) => reports.Add(value);
    }
}
