using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues.Polymarket;
using static Tradewind.MarketData.Tests.Venues.VenueTestKit;

namespace Tradewind.MarketData.Tests.Venues.Polymarket;

public sealed class PolymarketMarketDataProviderTests : FakeVenueTests<FakePolymarket>
{
    private static readonly Ticker Live = Ticker.Parse("POLYMARKET:" + FakePolymarket.LiveToken);
    private static readonly long May1 = Ms("2024-05-01T00:00:00Z");

    // Every range in these tests lies before this fixed "now", whatever the machine's clock says.
    private static readonly FakeTimeProvider Later = Clock("2027-01-01T00:00:00Z");

    protected override Task<FakePolymarket> StartVenueAsync() => FakePolymarket.StartAsync();

    [Fact]
    public async Task GetInstrumentsAsync_GammaPages_ListsEveryOutcomeTokenOfOpenOrderBookMarkets()
    {
        var specs = await Provider().GetInstrumentsAsync(CancellationToken.None);

        Assert.Equal(6, specs.Count); // 2 + 2 tokens on page 1 (a closed market and one without a book are skipped), 2 on page 2
        var yes = specs[0];
        Assert.Equal("POLYMARKET:" + FakePolymarket.LiveToken + "/USDC", yes.Ticker.ToString());
        Assert.Equal(MarketType.Prediction, yes.ContractType);
        Assert.Equal(0.01m, yes.TickSize);
        Assert.Equal(0.01m, yes.LotStep);
        Assert.Equal(5m, yes.MinQuantity);
        Assert.Equal(1, yes.MaxLeverage);
        Assert.Null(yes.FundingInterval);
        Assert.Equal(0.001m, specs[2].TickSize);
        Assert.Equal(15m, specs[2].MinQuantity);
        Assert.DoesNotContain(specs, s => s.Ticker.Base is "99" or "100");
        Assert.Equal(
            ["/markets?limit=500&offset=0&closed=false", "/markets?limit=500&offset=4&closed=false", "/markets?limit=500&offset=5&closed=false"],
            Venue.Gamma.Requests.Select(r => r.PathAndQuery));
        Assert.Empty(Venue.Clob.Requests);
    }

    [Fact]
    public async Task GetInstrumentsAsync_TokenIdsThatAreNotJson_ThrowsNamingTheField()
    {
        await using var gamma = await LoopbackVenueServer.StartAsync(app => app.MapGet(
            "/markets",
            ctx => ctx.Response.WriteAsync("""[{"id":"1","active":true,"closed":false,"enableOrderBook":true,"orderPriceMinTickSize":0.01,"orderMinSize":5,"clobTokenIds":"[123, oops"}]""")));
        var provider = new PolymarketMarketDataProvider(Http, Endpoint(Venue.Clob.BaseUrl), Endpoint(gamma.BaseUrl));

        var ex = await Assert.ThrowsAsync<TradewindException>(() => provider.GetInstrumentsAsync(CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("Polymarket Gamma", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'clobTokenIds'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_HourlyOverAWeek_PagesWindowsAndBucketsPoints()
    {
        var from = May1 + 600_000; // mid-bar: the first bar is 01:00
        var to = May1 + (7 * 86_400_000L);
        var progress = new ProgressRecorder();

        var candles = await Provider().GetCandlesAsync(Live, Timeframe.H1, from, to, progress, CancellationToken.None);

        Assert.Equal(167, candles.Count);
        Assert.Equal(May1 + 3_600_000, candles.Time[0]);
        for (var i = 1; i < candles.Count; i++)
        {
            Assert.Equal(candles.Time[i - 1] + 3_600_000, candles.Time[i]);
        }

        // Fidelity 5 for 1h bars: 12 points per bar, first/extremes/last.
        var bar = candles.Time[40] / 1000;
        var points = Enumerable.Range(0, 12).Select(k => FakePolymarket.PriceAt(bar + (k * 300))).ToList();
        Assert.Equal(points[0], candles.Open[40]);
        Assert.Equal(points.Max(), candles.High[40]);
        Assert.Equal(points.Min(), candles.Low[40]);
        Assert.Equal(points[^1], candles.Close[40]);
        Assert.All(candles.Volume, v => Assert.Equal(0, v));

        var first = (May1 / 1000) + 3600;
        var window = 5 * 86_400; // 1440 points of 5 minutes
        Assert.Equal(
            [
                $"/prices-history?market={FakePolymarket.LiveToken}&startTs={first}&endTs={first + window - 1}&fidelity=5",
                $"/prices-history?market={FakePolymarket.LiveToken}&startTs={first + window}&endTs={(to / 1000) - 1}&fidelity=5",
            ],
            Venue.ClobQueries("/prices-history"));
        Assert.Equal(2, progress.Values.Count);
        Assert.Equal(candles.Time[^1], progress.Values[^1]);
    }

    [Theory]
    [InlineData("1m", 1)]
    [InlineData("5m", 1)]
    [InlineData("15m", 1)]
    [InlineData("30m", 5)]
    [InlineData("1h", 5)]
    [InlineData("4h", 15)]
    [InlineData("1d", 60)]
    [InlineData("1w", 360)]
    [InlineData("1M", 1440)]
    public async Task GetCandlesAsync_EachTimeframe_SamplesAtItsFidelity(string timeframe, int fidelity)
    {
        var tf = Timeframe.Parse(timeframe);
        var to = Ms("2024-06-01T00:00:00Z");
        var from = to - (2 * tf.NominalMilliseconds);

        var candles = await Provider().GetCandlesAsync(Live, tf, from, to, null, CancellationToken.None);

        Assert.NotEqual(0, candles.Count);
        Assert.All(candles.Time, t => Assert.True(tf.IsAligned(t) && t >= from && t < to));
        Assert.All(Venue.ClobQueries("/prices-history"), q => Assert.EndsWith($"&fidelity={fidelity}", q, StringComparison.Ordinal));
        Assert.All(candles.High.Zip(candles.Low), hl => Assert.InRange(hl.First - hl.Second, 0, 1));
    }

    [Fact]
    public async Task GetCandlesAsync_RangeReachingIntoTheFuture_AsksOnlyUpToNow()
    {
        var provider = Provider(Clock("2024-05-01T10:30:00Z"));

        var candles = await provider.GetCandlesAsync(Live, Timeframe.H1, May1, Ms("2025-01-01T00:00:00Z"), null, CancellationToken.None);

        Assert.Equal(11, candles.Count); // 00:00 .. 10:00, the last one still forming
        Assert.Equal([$"/prices-history?market={FakePolymarket.LiveToken}&startTs={May1 / 1000}&endTs={(May1 / 1000) + (11 * 3600) - 1}&fidelity=5"], Venue.ClobQueries("/prices-history"));
    }

    [Fact]
    public async Task GetCandlesAsync_DocumentedExample_BecomesOneFlatBar()
    {
        Venue.HistoryFromFixture = true;
        var t = 1697875200000; // 2023-10-21T08:00:00Z

        var candles = await Provider().GetCandlesAsync(Live, Timeframe.H1, t, t + 3_600_000, null, CancellationToken.None);

        Assert.Equal(new Candle(t, 1800.75, 1800.75, 1800.75, 1800.75, 0), Assert.Single(Enumerable.Range(0, candles.Count).Select(i => candles[i])));
    }

    [Fact]
    public async Task GetCandlesAsync_PointsNewestFirst_AreOrderedBeforeBucketing()
    {
        var forward = await Provider().GetCandlesAsync(Live, Timeframe.M15, May1, May1 + 86_400_000, null, CancellationToken.None);
        Venue.HistoryNewestFirst = true;

        var reversed = await Provider().GetCandlesAsync(Live, Timeframe.M15, May1, May1 + 86_400_000, null, CancellationToken.None);

        Assert.Equal(96, reversed.Count);
        Assert.Equal(forward.Time, reversed.Time);
        Assert.Equal(forward.Open, reversed.Open);
        Assert.Equal(forward.Close, reversed.Close);
    }

    [Fact]
    public async Task GetCandlesAsync_RateLimitedWithRetryAfter_WaitsOnTheClockThenSucceeds()
    {
        var clock = Clock("2024-06-01T00:00:00Z");
        var arrivals = new List<DateTimeOffset>();
        Venue.Override("/prices-history", async ctx =>
        {
            arrivals.Add(clock.GetUtcNow());
            ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ctx.Response.Headers.RetryAfter = "5";
            await ctx.Response.WriteAsync("""{"error":"Too Many Requests"}""");
        });
        var candles = await AdvanceUntilDone(
            Provider(clock).GetCandlesAsync(Live, Timeframe.H1, May1, May1 + 86_400_000, null, CancellationToken.None),
            clock,
            TimeSpan.FromSeconds(1));

        Assert.Equal(24, candles.Count);
        Assert.True(clock.GetUtcNow() - arrivals.Single() >= TimeSpan.FromSeconds(5));
        Assert.Equal(2, Venue.ClobQueries("/prices-history").Count);
    }

    [Fact]
    public async Task GetTopOfBookAsync_LevelsListedWorstFirst_FindsBestBidAndAsk()
    {
        var book = await Provider().GetTopOfBookAsync(Live, CancellationToken.None);

        Assert.Equal(0.48, book.BidPrice);
        Assert.Equal(1000, book.BidSize);
        Assert.Equal(0.52, book.AskPrice);
        Assert.Equal(800, book.AskSize);
        Assert.Equal(1714564800123, book.Time);
        Assert.Equal(["/book?token_id=" + FakePolymarket.LiveToken], Venue.ClobQueries("/book"));
    }

    [Fact]
    public async Task GetTopOfBookAsync_DocumentedExample_ParsesLevelsAndIsoTimestamp()
    {
        var book = await Provider().GetTopOfBookAsync(Ticker.Parse("POLYMARKET:" + FakePolymarket.DocumentedToken), CancellationToken.None);

        Assert.Equal("POLYMARKET:1234567890/USDC", book.Ticker.ToString());
        Assert.Equal(Ms("2023-10-01T12:00:00Z"), book.Time);
        Assert.Equal(1800.50, book.BidPrice);
        Assert.Equal(10.5, book.BidSize);
        Assert.Equal(1800.50, book.AskPrice);
        Assert.Equal(10.5, book.AskSize);
    }

    [Fact]
    public async Task GetTopOfBookAsync_OneSideEmpty_ThrowsDataUnavailable()
    {
        Venue.Override("/book", ctx => ctx.Response.WriteAsync("""{"market":"0x1","asset_id":"5","timestamp":"1714564800123","hash":"0x2","bids":[{"price":"0.99","size":"10"}],"asks":[],"min_order_size":"5","tick_size":"0.01","neg_risk":false}"""));

        var ex = await Assert.ThrowsAsync<TradewindException>(() => Provider().GetTopOfBookAsync(Live, CancellationToken.None));

        Assert.Equal(ErrorCode.DataUnavailable, ex.Code);
        Assert.Contains("no asks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTopOfBookAsync_UnknownToken_ThrowsVenueErrorWithTheVenueText()
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetTopOfBookAsync(Ticker.Parse("POLYMARKET:42"), CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No orderbook exists for the requested token id", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POLYMARKET:will-it-rain")]
    [InlineData("POLYMARKET:0x8f5b2a1c")]
    [InlineData("POLYMARKET:123/USDT")]
    public async Task GetCandlesAsync_BaseIsNotATokenId_ThrowsUnknownSymbolBeforeAnyRequest(string text)
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetCandlesAsync(Ticker.Parse(text), Timeframe.H1, May1, May1 + 3_600_000, null, CancellationToken.None));

        Assert.Equal(ErrorCode.UnknownSymbol, ex.Code);
        Assert.Contains("clobTokenIds", ex.Suggestion, StringComparison.Ordinal);
        Assert.Empty(Venue.Clob.Requests);
    }

    [Fact]
    public async Task GetTickerAsync_Live_CombinesLastTradeBookAndTheDaysPoints()
    {
        var now = DateTimeOffset.Parse("2024-05-02T12:00:00Z", CultureInfo.InvariantCulture);
        var provider = Provider(new FakeTimeProvider(now));

        var quote = await provider.GetTickerAsync(Live, CancellationToken.None);

        var start = now.ToUnixTimeSeconds() - 86_400;
        var points = Enumerable.Range(0, 289).Select(k => FakePolymarket.PriceAt(start + (k * 300L))).ToList();
        Assert.Equal(0.55, quote.Last);
        Assert.Equal(0.48, quote.Bid);
        Assert.Equal(0.52, quote.Ask);
        Assert.Equal(points[0], quote.Open24h);
        Assert.Equal(Math.Max(0.55, points.Max()), quote.High24h);
        Assert.Equal(Math.Min(0.55, points.Min()), quote.Low24h);
        Assert.Equal(0, quote.Volume24h);
        Assert.Equal(0, quote.QuoteVolume24h);
        Assert.Equal([$"/prices-history?market={FakePolymarket.LiveToken}&startTs={start}&endTs={start + 86_400}&fidelity=5"], Venue.ClobQueries("/prices-history"));
        Assert.Equal(["/last-trade-price?token_id=" + FakePolymarket.LiveToken], Venue.ClobQueries("/last-trade-price"));
    }

    [Fact]
    public async Task GetTickerAsync_NeverTraded_UsesTheBooksMid()
    {
        // The CLOB answers 0.5 with an empty side for a token that never traded; the book says 0.30 / 0.40.
        Venue.LastTradePrice = """{"price":"0.5","side":""}""";
        Venue.Override("/book", ctx => ctx.Response.WriteAsync("""{"market":"0x1","asset_id":"5","timestamp":"1714564800123","hash":"0x2","bids":[{"price":"0.30","size":"10"}],"asks":[{"price":"0.40","size":"20"}],"min_order_size":"5","tick_size":"0.01","neg_risk":false}"""));

        var quote = await Provider().GetTickerAsync(Live, CancellationToken.None);

        Assert.Equal(0.35, quote.Last, 12);
    }

    [Fact]
    public async Task GetFundingRatesAsync_Always_ThrowsDataUnavailableNamingFundingVenues()
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(() => Provider().GetFundingRatesAsync(Live, May1, May1 + 86_400_000, CancellationToken.None));

        Assert.Equal(ErrorCode.DataUnavailable, ex.Code);
        Assert.Contains("hyperliquid", ex.Suggestion, StringComparison.Ordinal);
        Assert.Empty(Venue.Clob.Requests);
    }

    [Fact]
    public async Task GetTopOfBookAsync_NotAPolymarketTicker_ThrowsInvalidTicker()
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(() => Provider().GetTopOfBookAsync(Ticker.Parse("LIGHTER:BTC/USDC"), CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidTicker, ex.Code);
    }

    [Fact]
    public async Task GetInstrumentsAsync_GammaAnswersHtml_ThrowsVenueErrorNamingGamma()
    {
        await using var gamma = await LoopbackVenueServer.StartAsync(app => app.MapGet("/markets", ctx => ctx.Response.WriteAsync("<!doctype html><title>Just a moment...</title>")));
        var provider = new PolymarketMarketDataProvider(Http, Endpoint(Venue.Clob.BaseUrl), Endpoint(gamma.BaseUrl));

        var ex = await Assert.ThrowsAsync<TradewindException>(() => provider.GetInstrumentsAsync(CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.StartsWith("Polymarket Gamma", ex.Message, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_DefaultToProductionAndAreSeparate()
    {
        var provider = new PolymarketMarketDataProvider(Http);

        Assert.Equal(new Uri("https://clob.polymarket.com/"), provider.ClobEndpoint.BaseUrl);
        Assert.Equal(new Uri("https://gamma-api.polymarket.com/"), provider.GammaEndpoint.BaseUrl);
        Assert.Equal(Timeframe.All, provider.NativeTimeframes);
    }

    private PolymarketMarketDataProvider Provider(TimeProvider? clock = null) =>
        new(Http, Endpoint(Venue.Clob.BaseUrl), Endpoint(Venue.Gamma.BaseUrl), clock ?? Later);
}
