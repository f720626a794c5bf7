using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Core;
using Tradewind.MarketData.Venues.Lighter;
using static Tradewind.MarketData.Tests.Venues.VenueTestKit;

namespace Tradewind.MarketData.Tests.Venues.Lighter;

public sealed class LighterMarketDataProviderTests : FakeVenueTests<FakeLighter>
{
    private static readonly Ticker Btc = Ticker.Parse("LIGHTER:BTC/USDC");
    private static readonly long Mar1 = Ms("2025-03-01T00:00:00Z");

    // Every range in these tests lies before this fixed "now", whatever the machine's clock says.
    private static readonly FakeTimeProvider Later = Clock("2027-01-01T00:00:00Z");

    protected override Task<FakeLighter> StartVenueAsync() => FakeLighter.StartAsync();

    [Fact]
    public async Task GetCandlesAsync_RangeSpanningThreeWindows_AsksForExactWindowsAndReturnsContiguousBars()
    {
        var from = Mar1 + 30_000; // mid-bar: the first bar is 00:01
        var to = Mar1 + (1100L * 60_000);
        var progress = new ProgressRecorder();

        var candles = await Provider().GetCandlesAsync(Btc, Timeframe.M1, from, to, progress, CancellationToken.None);

        Assert.Equal(1099, candles.Count);
        Assert.Equal(Mar1 + 60_000, candles.Time[0]);
        Assert.Equal(to - 60_000, candles.Time[^1]);
        for (var i = 1; i < candles.Count; i++)
        {
            Assert.Equal(candles.Time[i - 1] + 60_000, candles.Time[i]);
        }

        var quiet = Array.FindIndex(candles.Time, t => FakeLighter.CandleAt(t).Volume == 0);
        Assert.True(quiet >= 0);
        Assert.Equal(0, candles.Volume[quiet]); // the venue omitted "v" for this bar
        var sample = FakeLighter.CandleAt(candles.Time[800]);
        Assert.Equal(sample.Open, candles.Open[800], 9);
        Assert.Equal(sample.High, candles.High[800], 9);
        Assert.Equal(sample.Low, candles.Low[800], 9);
        Assert.Equal(sample.Close, candles.Close[800], 9);
        Assert.Equal(sample.Volume, candles.Volume[800], 9);

        var first = Mar1 + 60_000;
        Assert.Equal(
            [
                $"/api/v1/candles?market_id=1&resolution=1m&start_timestamp={first}&end_timestamp={first + (500 * 60_000) - 1}&count_back=500",
                $"/api/v1/candles?market_id=1&resolution=1m&start_timestamp={first + (500 * 60_000)}&end_timestamp={first + (1000 * 60_000) - 1}&count_back=500",
                $"/api/v1/candles?market_id=1&resolution=1m&start_timestamp={first + (1000 * 60_000)}&end_timestamp={first + (1099 * 60_000) - 1}&count_back=99",
            ],
            Venue.QueriesOf("candles"));
        Assert.Equal([candles.Time[499], candles.Time[999], candles.Time[^1]], progress.Values);
    }

    [Fact]
    public async Task GetCandlesAsync_EmptyWindowInTheMiddle_SkipsItAndKeepsGoing()
    {
        Venue.AvailableFrom = Mar1 + (600L * 60_000); // nothing in the first window of 500

        var candles = await Provider().GetCandlesAsync(Btc, Timeframe.M1, Mar1, Mar1 + (1000L * 60_000), null, CancellationToken.None);

        Assert.Equal(400, candles.Count);
        Assert.Equal(Venue.AvailableFrom, candles.Time[0]);
        Assert.Equal(2, Venue.QueriesOf("candles").Count);
    }

    [Theory]
    [InlineData("1m", "1m")]
    [InlineData("5m", "5m")]
    [InlineData("15m", "15m")]
    [InlineData("30m", "30m")]
    [InlineData("1h", "1h")]
    [InlineData("4h", "4h")]
    [InlineData("1d", "1d")]
    [InlineData("1w", "1d")]
    [InlineData("1M", "1d")]
    public async Task GetCandlesAsync_EachTimeframe_RequestsTheMatchingResolution(string timeframe, string resolution)
    {
        var tf = Timeframe.Parse(timeframe);
        var to = Ms("2025-09-01T00:00:00Z");
        var from = to - (3 * tf.NominalMilliseconds);

        var candles = await Provider().GetCandlesAsync(Btc, tf, from, to, null, CancellationToken.None);

        Assert.NotEqual(0, candles.Count);
        Assert.All(Venue.QueriesOf("candles"), q => Assert.Contains($"&resolution={resolution}&", q, StringComparison.Ordinal));
        Assert.All(candles.Time, t => Assert.True(tf.IsAligned(t) && t >= from && t < to));
    }

    [Fact]
    public async Task GetCandlesAsync_Monthly_AggregatesCalendarMonthsFromDailyBars()
    {
        var months = await Provider().GetCandlesAsync(Btc, Timeframe.Month1, Ms("2025-04-15T00:00:00Z"), Ms("2025-07-01T00:00:00Z"), null, CancellationToken.None);

        Assert.Equal([Ms("2025-05-01T00:00:00Z"), Ms("2025-06-01T00:00:00Z")], months.Time);
        var june = Enumerable.Range(0, 30).Select(d => FakeLighter.CandleAt(Ms("2025-06-01T00:00:00Z") + (d * 86_400_000L))).ToList();
        Assert.Equal(june[0].Open, months.Open[1], 9);
        Assert.Equal(june[^1].Close, months.Close[1], 9);
        Assert.Equal(june.Max(c => c.High), months.High[1], 9);
        Assert.Equal(june.Min(c => c.Low), months.Low[1], 9);
        Assert.Equal(june.Sum(c => c.Volume), months.Volume[1], 6);
    }

    [Fact]
    public async Task GetCandlesAsync_RangeBeforeGenesis_StartsAtGenesis()
    {
        var to = LighterMarketDataProvider.GenesisMs + (2 * 86_400_000L);
        var candles = await new LighterMarketDataProvider(Http, Endpoint(Venue.BaseUrl), Later)
            .GetCandlesAsync(Btc, Timeframe.D1, Ms("2020-01-01T00:00:00Z"), to, null, CancellationToken.None);

        Assert.Equal([LighterMarketDataProvider.GenesisMs, LighterMarketDataProvider.GenesisMs + 86_400_000L], candles.Time);
        Assert.Single(Venue.QueriesOf("candles"));
    }

    [Fact]
    public async Task GetCandlesAsync_RangeReachingIntoTheFuture_StopsAtTheFormingBar()
    {
        var provider = new LighterMarketDataProvider(Http, Endpoint(Venue.BaseUrl), Clock("2025-03-01T10:30:00Z"));

        var candles = await provider.GetCandlesAsync(Btc, Timeframe.H1, Mar1, Ms("2026-01-01T00:00:00Z"), null, CancellationToken.None);

        Assert.Equal(11, candles.Count); // 00:00 .. 10:00, the last one still forming
        Assert.Equal([$"/api/v1/candles?market_id=1&resolution=1h&start_timestamp={Mar1}&end_timestamp={Mar1 + (11 * 3_600_000L) - 1}&count_back=11"], Venue.QueriesOf("candles"));
    }

    [Fact]
    public async Task GetCandlesAsync_DocumentedExample_ParsesNumbersAndMillisecondTimes()
    {
        Venue.FromFixtures = true;
        var t = 1767700500000; // 2026-01-06T11:55:00Z

        var candles = await Provider().GetCandlesAsync(Btc, Timeframe.M1, t, t + 60_000, null, CancellationToken.None);

        Assert.Equal(new Candle(t, 3236.86, 3237.78, 3235.36, 3235.39, 55.1632), candles[0]);
    }

    [Fact]
    public async Task GetCandlesAsync_CodeOtherThan200_ThrowsVenueErrorWithTheMessage()
    {
        Venue.Override("/api/v1/candles", ctx => ctx.Response.WriteAsync(FakeLighter.Fixture("resultCode-error.json")));

        var ex = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetCandlesAsync(Btc, Timeframe.H1, Mar1, Mar1 + 3_600_000, null, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("code 20001: invalid param", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_BadRequestStatus_ThrowsVenueErrorWithTheBody()
    {
        Venue.Override("/api/v1/candles", async ctx =>
        {
            ctx.Response.StatusCode = 400;
            await ctx.Response.WriteAsync(FakeLighter.Fixture("resultCode-error.json"));
        });

        var ex = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetCandlesAsync(Btc, Timeframe.H1, Mar1, Mar1 + 3_600_000, null, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("HTTP 400", ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid param", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_MalformedJson_ThrowsVenueError()
    {
        Venue.Override("/api/v1/candles", ctx => ctx.Response.WriteAsync("<html>502 Bad Gateway</html>"));

        var ex = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetCandlesAsync(Btc, Timeframe.H1, Mar1, Mar1 + 3_600_000, null, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_RateLimitedWithRetryAfter_WaitsOnTheClockThenSucceeds()
    {
        var clock = Clock("2025-06-01T00:00:00Z");
        var arrivals = new List<DateTimeOffset>();
        Venue.Override("/api/v1/candles", async ctx =>
        {
            arrivals.Add(clock.GetUtcNow());
            ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ctx.Response.Headers.RetryAfter = "12";
            await ctx.Response.WriteAsync("""{"code":23000,"message":"Too Many Requests"}""");
        });
        var provider = new LighterMarketDataProvider(Http, Endpoint(Venue.BaseUrl), clock);

        var candles = await AdvanceUntilDone(
            provider.GetCandlesAsync(Btc, Timeframe.H1, Mar1, Mar1 + (24 * 3_600_000L), null, CancellationToken.None),
            clock,
            TimeSpan.FromSeconds(1));

        Assert.Equal(24, candles.Count);
        Assert.Single(arrivals);
        Assert.True(clock.GetUtcNow() - arrivals[0] >= TimeSpan.FromSeconds(12));
        Assert.Equal(2, Venue.QueriesOf("candles").Count);
    }

    [Theory]
    [InlineData("LIGHTER:BTX/USDC", "BTC")]
    [InlineData("LIGHTER:ETHH/USDC", "ETH")]
    public async Task GetTopOfBookAsync_UnknownSymbol_ThrowsWithCloseMatches(string text, string suggestion)
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(() => Provider().GetTopOfBookAsync(Ticker.Parse(text), CancellationToken.None));

        Assert.Equal(ErrorCode.UnknownSymbol, ex.Code);
        Assert.Contains(suggestion, ex.Suggestion, StringComparison.Ordinal);
        Assert.DoesNotContain("ETH/USDC", ex.Suggestion, StringComparison.Ordinal); // spot books are not perps
        Assert.Empty(Venue.QueriesOf("orderBookOrders"));
    }

    [Fact]
    public async Task GetTopOfBookAsync_DocumentedOrders_TakesBestPricesAndSumsTheirOrders()
    {
        var book = await Provider().GetTopOfBookAsync(Ticker.Parse("LIGHTER:eth/usdt"), CancellationToken.None);

        Assert.Equal("LIGHTER:ETH/USDC:USDC", book.Ticker.ToString());
        Assert.Equal(3024.50, book.BidPrice);
        Assert.Equal(1.2, book.BidSize);
        Assert.Equal(3024.66, book.AskPrice);
        Assert.Equal(0.35, book.AskSize, 12); // two resting orders at the best ask
        Assert.Equal(["/api/v1/orderBookOrders?market_id=0&limit=20"], Venue.QueriesOf("orderBookOrders"));
    }

    [Fact]
    public async Task GetTickerAsync_Btc_UsesDailyStatsAndTheBook()
    {
        var quote = await Provider().GetTickerAsync(Btc, CancellationToken.None);

        Assert.Equal(104000.5, quote.Last);
        Assert.Equal(105100.0, quote.High24h);
        Assert.Equal(101250.0, quote.Low24h);
        Assert.Equal(104000.5 / 1.025, quote.Open24h, 9); // daily_price_change is +2.5%
        Assert.Equal(2.5, quote.Change24hPct, 9);
        Assert.Equal(4812.9735, quote.Volume24h);
        Assert.Equal(498431095.263844, quote.QuoteVolume24h);
        Assert.Equal(3024.50, quote.Bid);
        Assert.Equal(3024.66, quote.Ask);
        Assert.Contains("/api/v1/orderBookDetails?market_id=1", Venue.QueriesOf("orderBookDetails"));
    }

    [Fact]
    public async Task GetInstrumentsAsync_DocumentedDetails_MapsGridMinimumsAndLeverage()
    {
        var specs = await Provider().GetInstrumentsAsync(CancellationToken.None);

        Assert.Equal(["LIGHTER:ETH/USDC:USDC", "LIGHTER:BTC/USDC:USDC"], specs.Select(s => s.Ticker.ToString())); // LUNA is inactive, ETH/USDC is spot
        var eth = specs[0];
        Assert.Equal(0.0001m, eth.TickSize);
        Assert.Equal(0.0001m, eth.LotStep);
        Assert.Equal(0.01m, eth.MinQuantity);
        Assert.Equal(0.1m, eth.MinNotional);
        Assert.Equal(100, eth.MaxLeverage); // min_initial_margin_fraction 100 = 1%
        var btc = specs[1];
        Assert.Equal(0.1m, btc.TickSize);
        Assert.Equal(0.00001m, btc.LotStep);
        Assert.Equal(0.0002m, btc.MinQuantity);
        Assert.Equal(10m, btc.MinNotional);
        Assert.Equal(50, btc.MaxLeverage); // 200 = 2%
        Assert.All(specs, s => Assert.Equal(TimeSpan.FromHours(1), s.FundingInterval));
        Assert.Equal(["/api/v1/orderBookDetails"], Venue.QueriesOf("orderBookDetails"));
    }

    [Fact]
    public async Task GetFundingRatesAsync_DocumentedExample_ConvertsPercentAndSeconds()
    {
        Venue.FromFixtures = true;
        var provider = new LighterMarketDataProvider(Http, Endpoint(Venue.BaseUrl), Later) { DataStartMs = 0 };

        var rates = await provider.GetFundingRatesAsync(Ticker.Parse("LIGHTER:ETH/USDC"), Ms("2022-01-01T00:00:00Z"), Ms("2022-01-01T01:00:00Z"), CancellationToken.None);

        Assert.Equal([new FundingRate(1640995200000, 0.000001)], rates);
        Assert.Equal(["/api/v1/fundings?market_id=0&resolution=1h&start_timestamp=1640995200&end_timestamp=1640998799&count_back=1"], Venue.QueriesOf("fundings"));
    }

    [Fact]
    public async Task GetFundingRatesAsync_ManyWindows_ReturnsEveryHourOnceWithSignFromDirection()
    {
        var to = Mar1 + (1200L * 3_600_000);

        var rates = await Provider().GetFundingRatesAsync(Btc, Mar1, to, CancellationToken.None);

        Assert.Equal(1200, rates.Count);
        for (var i = 0; i < rates.Count; i++)
        {
            var hour = Mar1 + (i * 3_600_000L);
            var (percent, direction) = FakeLighter.FundingAt(hour);
            var expected = double.Parse(percent, CultureInfo.InvariantCulture) / 100 * (direction == "short" ? -1 : 1);
            Assert.Equal(hour, rates[i].Time);
            Assert.Equal(expected, rates[i].Rate, 12);
        }

        var start = Mar1 / 1000;
        Assert.Equal(
            [
                $"/api/v1/fundings?market_id=1&resolution=1h&start_timestamp={start}&end_timestamp={start + (500 * 3600) - 1}&count_back=500",
                $"/api/v1/fundings?market_id=1&resolution=1h&start_timestamp={start + (500 * 3600)}&end_timestamp={start + (1000 * 3600) - 1}&count_back=500",
                $"/api/v1/fundings?market_id=1&resolution=1h&start_timestamp={start + (1000 * 3600)}&end_timestamp={start + (1200 * 3600) - 1}&count_back=200",
            ],
            Venue.QueriesOf("fundings"));
    }

    [Fact]
    public async Task GetFundingRatesAsync_UnknownDirection_ThrowsNamingTheField()
    {
        Venue.Override("/api/v1/fundings", ctx => ctx.Response.WriteAsync("""{"code":200,"resolution":"1h","fundings":[{"timestamp":1740787200,"value":"0.0001","rate":"0.0001","direction":"up"}]}"""));

        var ex = await Assert.ThrowsAsync<TradewindException>(() => Provider().GetFundingRatesAsync(Btc, Mar1, Mar1 + 3_600_000, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("'direction' = \"up\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_DefaultsToMainnetAndIsConfigurable()
    {
        Assert.Equal(new Uri("https://mainnet.zklighter.elliot.ai/"), new LighterMarketDataProvider(Http).Endpoint.BaseUrl);
        Assert.Equal(new Uri("https://testnet.zklighter.elliot.ai/"), LighterMarketDataProvider.Testnet.BaseUrl);

        var specs = await Provider().GetInstrumentsAsync(CancellationToken.None);

        Assert.NotEmpty(specs);
        Assert.All(Venue.Server.Requests, r => Assert.StartsWith("/api/v1/", r.PathAndQuery, StringComparison.Ordinal));
    }

    private LighterMarketDataProvider Provider() => new(Http, Endpoint(Venue.BaseUrl), Later);
}
