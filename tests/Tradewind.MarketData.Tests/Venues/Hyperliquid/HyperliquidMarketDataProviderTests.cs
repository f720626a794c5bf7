using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Venues.Hyperliquid;
using static Tradewind.MarketData.Tests.Venues.VenueTestKit;

namespace Tradewind.MarketData.Tests.Venues.Hyperliquid;

public sealed class HyperliquidMarketDataProviderTests : FakeVenueTests<FakeHyperliquid>
{
    private static readonly Ticker Btc = Ticker.Parse("HYPERLIQUID:BTC/USDC");
    private static readonly long Jan1 = Ms("2024-01-01T00:00:00Z");

    protected override Task<FakeHyperliquid> StartVenueAsync() => FakeHyperliquid.StartAsync();

    [Fact]
    public async Task GetCandlesAsync_RangeSpanningThreePages_ReturnsContiguousBarsInRange()
    {
        var from = Jan1 + (30 * 60_000); // mid-bar: the first bar is 01:00
        var to = Ms("2024-02-20T00:00:00Z");
        var progress = new ProgressRecorder();

        var candles = await Provider().GetCandlesAsync(Btc, Timeframe.H1, from, to, progress, CancellationToken.None);

        Assert.Equal(Timeframe.H1.CountBars(from, to), candles.Count);
        Assert.Equal(Jan1 + 3_600_000, candles.Time[0]);
        Assert.Equal(to - 3_600_000, candles.Time[^1]);
        for (var i = 1; i < candles.Count; i++)
        {
            Assert.Equal(candles.Time[i - 1] + 3_600_000, candles.Time[i]);
        }

        var expected = FakeHyperliquid.CandleAt(candles.Time[700]);
        Assert.Equal(expected.Open, candles.Open[700]);
        Assert.Equal(expected.High, candles.High[700]);
        Assert.Equal(expected.Low, candles.Low[700]);
        Assert.Equal(expected.Close, candles.Close[700]);
        Assert.Equal(expected.Volume, candles.Volume[700], 9);

        var bodies = Venue.BodiesOf("candleSnapshot");
        Assert.Equal(3, bodies.Count);
        Assert.Equal(CandleBody("BTC", "1h", from, to - 1), bodies[0]);
        Assert.Equal(CandleBody("BTC", "1h", candles.Time[499] + 3_600_000, to - 1), bodies[1]);
        Assert.Equal(CandleBody("BTC", "1h", candles.Time[999] + 3_600_000, to - 1), bodies[2]);
        Assert.Equal([candles.Time[499], candles.Time[999], candles.Time[^1]], progress.Values);
    }

    [Theory]
    [InlineData("1m", "1m")]
    [InlineData("5m", "5m")]
    [InlineData("15m", "15m")]
    [InlineData("30m", "30m")]
    [InlineData("1h", "1h")]
    [InlineData("4h", "4h")]
    [InlineData("1d", "1d")]
    [InlineData("1M", "1M")]
    [InlineData("1w", "1d")]
    public async Task GetCandlesAsync_EachTimeframe_RequestsTheMatchingInterval(string timeframe, string interval)
    {
        var tf = Timeframe.Parse(timeframe);
        var to = Ms("2024-06-01T00:00:00Z");
        var from = to - (3 * tf.NominalMilliseconds);

        var candles = await Provider().GetCandlesAsync(Btc, tf, from, to, null, CancellationToken.None);

        Assert.NotEqual(0, candles.Count);
        Assert.All(Venue.BodiesOf("candleSnapshot"), b => Assert.Contains($"\"interval\":\"{interval}\"", b, StringComparison.Ordinal));
        Assert.All(candles.Time, t => Assert.True(tf.IsAligned(t) && t >= from && t < to));
        Assert.Contains(tf, Provider().NativeTimeframes.Append(Timeframe.W1));
    }

    [Fact]
    public async Task GetCandlesAsync_Weekly_BuildsMondayWeeksFromDailyBars()
    {
        var from = Ms("2024-01-03T00:00:00Z"); // a Wednesday: the week of Jan 1 opens before the range
        var to = Ms("2024-02-05T00:00:00Z");

        var weeks = await Provider().GetCandlesAsync(Btc, Timeframe.W1, from, to, null, CancellationToken.None);

        Assert.Equal([Ms("2024-01-08T00:00:00Z"), Ms("2024-01-15T00:00:00Z"), Ms("2024-01-22T00:00:00Z"), Ms("2024-01-29T00:00:00Z")], weeks.Time);
        var monday = weeks.Time[1];
        var days = Enumerable.Range(0, 7).Select(d => FakeHyperliquid.CandleAt(monday + (d * 86_400_000L))).ToList();
        Assert.Equal(days[0].Open, weeks.Open[1]);
        Assert.Equal(days[6].Close, weeks.Close[1]);
        Assert.Equal(days.Max(d => d.High), weeks.High[1]);
        Assert.Equal(days.Min(d => d.Low), weeks.Low[1]);
        Assert.Equal(days.Sum(d => d.Volume), weeks.Volume[1], 9);
        Assert.Equal(CandleBody("BTC", "1d", Ms("2024-01-01T00:00:00Z"), Ms("2024-02-05T00:00:00Z") - 1), Venue.BodiesOf("candleSnapshot")[0]);
    }

    [Fact]
    public async Task GetCandlesAsync_OnlyRecentHistoryExists_ReturnsTheAvailableBarsAndStops()
    {
        // Hyperliquid keeps only the newest 5000 candles per interval; older ranges answer [].
        Venue.AvailableFrom = Ms("2024-03-01T00:00:00Z");
        Venue.AvailableTo = Ms("2024-03-02T00:00:00Z");

        var candles = await Provider().GetCandlesAsync(Btc, Timeframe.H1, Jan1, Ms("2024-04-01T00:00:00Z"), null, CancellationToken.None);

        Assert.Equal(24, candles.Count);
        Assert.Equal(Venue.AvailableFrom, candles.Time[0]);
        Assert.Equal(2, Venue.BodiesOf("candleSnapshot").Count); // the page after the last bar answers [] and ends the loop
    }

    [Fact]
    public async Task GetCandlesAsync_EmptyRange_ReturnsEmptyWithoutCandleRequests()
    {
        var candles = await Provider().GetCandlesAsync(Btc, Timeframe.H1, Jan1, Jan1, null, CancellationToken.None);

        Assert.Equal(0, candles.Count);
        Assert.Empty(Venue.BodiesOf("candleSnapshot"));
    }

    [Fact]
    public async Task GetTopOfBookAsync_DocumentedBook_ReturnsBestLevels()
    {
        var book = await Provider().GetTopOfBookAsync(Ticker.Parse("HYPERLIQUID:BTC/USDT"), CancellationToken.None);

        Assert.Equal("HYPERLIQUID:BTC/USDC:USDC", book.Ticker.ToString());
        Assert.Equal(1754450974231, book.Time);
        Assert.Equal(113377.0, book.BidPrice);
        Assert.Equal(7.6699, book.BidSize);
        Assert.Equal(113397.0, book.AskPrice);
        Assert.Equal(0.11543, book.AskSize);
        Assert.Equal(["""{"type":"meta"}"""], Venue.BodiesOf("meta"));
        Assert.Equal(["""{"type":"l2Book","coin":"BTC"}"""], Venue.BodiesOf("l2Book"));
    }

    [Fact]
    public async Task GetTopOfBookAsync_RateLimitedWithRetryAfter_WaitsOnTheClockThenSucceeds()
    {
        var clock = Clock("2024-05-01T00:00:00Z");
        await using var venue = await FakeHyperliquid.StartAsync(clock: clock);
        venue.Override("l2Book", async ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ctx.Response.Headers.RetryAfter = "7";
            await ctx.Response.WriteAsync("rate limited");
        });
        var provider = new HyperliquidMarketDataProvider(Http, Endpoint(venue.BaseUrl), clock);

        var book = await AdvanceUntilDone(provider.GetTopOfBookAsync(Btc, CancellationToken.None), clock, TimeSpan.FromSeconds(1));

        Assert.Equal(113377.0, book.BidPrice);
        var attempts = venue.Received.Where(r => r.Type == "l2Book").Select(r => r.At).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromSeconds(7), $"retried after {attempts[1] - attempts[0]}");
    }

    [Fact]
    public async Task GetTopOfBookAsync_MalformedJson_ThrowsVenueError()
    {
        Venue.Override("l2Book", ctx => ctx.Response.WriteAsync("{\"coin\":\"BTC\",\"levels\":[[{\"px\":"));

        var ex = await Assert.ThrowsAsync<TradewindException>(() => Provider().GetTopOfBookAsync(Btc, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTopOfBookAsync_NullBook_ThrowsShapeErrorNamingTheField()
    {
        Venue.Override("l2Book", ctx => ctx.Response.WriteAsync("null"));

        var ex = await Assert.ThrowsAsync<TradewindException>(() => Provider().GetTopOfBookAsync(Btc, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("'levels'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("api.hyperliquid.xyz", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_ErrorBody_ThrowsVenueErrorWithTheVenueText()
    {
        Venue.Override("candleSnapshot", async ctx =>
        {
            ctx.Response.StatusCode = 422;
            await ctx.Response.WriteAsync("Failed to deserialize the JSON body into the target type: req: missing field `interval`");
        });

        var ex = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetCandlesAsync(Btc, Timeframe.H1, Jan1, Jan1 + 86_400_000, null, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("422", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing field `interval`", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCandlesAsync_PricesThatAreNotNumbers_ThrowsNamingTheField()
    {
        Venue.Override("candleSnapshot", ctx => ctx.Response.WriteAsync("""[{"t":1704067200000,"o":"29295.0","h":"n/a","l":"1","c":"1","v":"1"}]"""));

        var ex = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetCandlesAsync(Btc, Timeframe.H1, Jan1, Jan1 + 3_600_000, null, CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("'h' = \"n/a\"", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HYPERLIQUID:ETJ/USDC", "ETH")]
    [InlineData("HYPERLIQUID:BTCC/USDC", "BTC")]
    [InlineData("HYPERLIQUID:HPO/USDC", "HPOS")]
    public async Task GetCandlesAsync_UnknownCoin_ThrowsUnknownSymbolWithCloseMatches(string text, string suggestion)
    {
        var ex = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetCandlesAsync(Ticker.Parse(text), Timeframe.H1, Jan1, Jan1 + 3_600_000, null, CancellationToken.None));

        Assert.Equal(ErrorCode.UnknownSymbol, ex.Code);
        Assert.Contains(suggestion, ex.Suggestion, StringComparison.Ordinal);
        Assert.DoesNotContain("LOOM", ex.Suggestion, StringComparison.Ordinal); // delisted
        Assert.Empty(Venue.BodiesOf("candleSnapshot"));
    }

    [Fact]
    public async Task GetTopOfBookAsync_OtherVenueOrSettle_ThrowsClearly()
    {
        var other = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetTopOfBookAsync(Ticker.Parse("BINANCE:BTC/USDT"), CancellationToken.None));
        var settle = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetTopOfBookAsync(Ticker.Parse("HYPERLIQUID:BTC/USDT:USDT"), CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidTicker, other.Code);
        Assert.Equal(ErrorCode.UnknownSymbol, settle.Code);
        Assert.Contains("HYPERLIQUID:BTC/USDC", settle.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInstrumentsAsync_DocumentedMetaAndAssetContexts_AppliesTickAndLotRules()
    {
        var specs = await Provider().GetInstrumentsAsync(CancellationToken.None);

        Assert.Equal(["HYPERLIQUID:BTC/USDC:USDC", "HYPERLIQUID:ETH/USDC:USDC", "HYPERLIQUID:HPOS/USDC:USDC"], specs.Select(s => s.Ticker.ToString()));
        // BTC: szDecimals 5 at mark 14.3161 -> 5 significant figures would allow 0.001, but 6-5 = 1 decimal caps it at 0.1.
        Assert.Equal(0.1m, specs[0].TickSize);
        Assert.Equal(0.00001m, specs[0].LotStep);
        Assert.Equal(0.00001m, specs[0].MinQuantity);
        Assert.Equal(50, specs[0].MaxLeverage);
        Assert.Equal(0.01m, specs[1].TickSize);
        Assert.Equal(0.0001m, specs[1].LotStep);
        Assert.Equal(0.0001m, specs[2].TickSize); // szDecimals 0 at 8.4542: 5 significant figures
        Assert.Equal(1m, specs[2].LotStep);
        Assert.Equal(3, specs[2].MaxLeverage);
        Assert.All(specs, s =>
        {
            Assert.Equal(MarketType.Perpetual, s.ContractType);
            Assert.Equal(TimeSpan.FromHours(1), s.FundingInterval);
            Assert.Equal(10m, s.MinNotional);
        });
        Assert.Equal(["""{"type":"metaAndAssetCtxs"}"""], Venue.BodiesOf("metaAndAssetCtxs"));
    }

    [Theory]
    [InlineData("1234.5", 0, "0.1")] // docs: 1234.5 valid, 1234.56 not
    [InlineData("0.001234", 0, "0.000001")] // docs: 0.001234 valid, 0.0012345 not
    [InlineData("0.01234", 1, "0.00001")] // docs: szDecimals 1 -> 0.01234 valid, 0.012345 not
    [InlineData("113377", 5, "1")] // integer prices always allowed, so the tick never exceeds 1
    [InlineData("3500", 4, "0.1")]
    [InlineData("0.5", 2, "0.0001")]
    [InlineData("0", 3, "0.001")] // no reference price: the finest tick 6 - szDecimals allows
    public void PerpTick_DocumentedExamples_FollowTheFiveSignificantFigureRule(string price, int szDecimals, string tick)
    {
        Assert.Equal(decimal.Parse(tick, CultureInfo.InvariantCulture), HyperliquidTickSize.PerpTick(decimal.Parse(price, CultureInfo.InvariantCulture), szDecimals));
    }

    [Fact]
    public async Task GetFundingRatesAsync_DocumentedExample_ParsesRateAndTime()
    {
        Venue.FundingFromFixture = true;

        var rates = await Provider().GetFundingRatesAsync(
            Ticker.Parse("HYPERLIQUID:ETH/USDC"), Ms("2023-05-12T00:00:00Z"), Ms("2023-05-12T01:00:00Z"), CancellationToken.None);

        Assert.Equal([new FundingRate(1683849600076, -0.00022196)], rates);
        Assert.Equal(
            $$"""{"type":"fundingHistory","coin":"ETH","startTime":{{Ms("2023-05-12T00:00:00Z")}},"endTime":{{Ms("2023-05-12T01:00:00Z") - 1}}}""",
            Venue.BodiesOf("fundingHistory")[0]);
    }

    [Fact]
    public async Task GetFundingRatesAsync_ManyPages_ReturnsEveryHourlyEventOnce()
    {
        var to = Jan1 + (1200L * 3_600_000);

        var rates = await Provider().GetFundingRatesAsync(Btc, Jan1, to, CancellationToken.None);

        Assert.Equal(1200, rates.Count);
        for (var i = 0; i < rates.Count; i++)
        {
            var hour = Jan1 + (i * 3_600_000L);
            Assert.Equal(hour + 76, rates[i].Time);
            Assert.Equal(FakeHyperliquid.FundingAt(hour), rates[i].Rate, 12);
        }

        var bodies = Venue.BodiesOf("fundingHistory");
        Assert.Equal(4, bodies.Count); // 500 + 500 + 200, then an empty page
        Assert.Equal($$"""{"type":"fundingHistory","coin":"BTC","startTime":{{rates[499].Time + 1}},"endTime":{{to - 1}}}""", bodies[1]);
    }

    [Fact]
    public async Task GetTickerAsync_Btc_CombinesAssetContextBookAndHourlyCandles()
    {
        var clock = Clock("2024-05-01T12:34:00Z");
        var provider = new HyperliquidMarketDataProvider(Http, Endpoint(Venue.BaseUrl), clock);

        var quote = await provider.GetTickerAsync(Btc, CancellationToken.None);

        var hours = Enumerable.Range(0, 24).Select(h => FakeHyperliquid.CandleAt(Ms("2024-04-30T13:00:00Z") + (h * 3_600_000L))).ToList();
        Assert.Equal("HYPERLIQUID:BTC/USDC:USDC", quote.Ticker.ToString());
        Assert.Equal(14.314, quote.Last); // midPx
        Assert.Equal(15.322, quote.Open24h); // prevDayPx
        Assert.Equal(1169046.29406, quote.QuoteVolume24h); // dayNtlVlm
        Assert.Equal(113377.0, quote.Bid);
        Assert.Equal(113397.0, quote.Ask);
        Assert.Equal(hours.Max(c => c.High), quote.High24h);
        Assert.Equal(Math.Min(14.314, hours.Min(c => c.Low)), quote.Low24h);
        Assert.Equal(hours.Sum(c => c.Volume), quote.Volume24h, 9);
    }

    [Fact]
    public async Task Endpoint_DefaultsToMainnetAndAcceptsTestnetOrProxy()
    {
        Assert.Equal(new Uri("https://api.hyperliquid.xyz/"), new HyperliquidMarketDataProvider(Http).Endpoint.BaseUrl);
        Assert.Equal(new Uri("https://api.hyperliquid-testnet.xyz/"), HyperliquidMarketDataProvider.Testnet.BaseUrl);

        await using var proxied = await FakeHyperliquid.StartAsync("/proxy/hyperliquid");
        var provider = new HyperliquidMarketDataProvider(Http, Endpoint(proxied.BaseUrl));
        var book = await provider.GetTopOfBookAsync(Btc, CancellationToken.None);

        Assert.Equal(113397.0, book.AskPrice);
        Assert.All(proxied.Server.Requests, r => Assert.Equal("/proxy/hyperliquid/info", r.PathAndQuery));
    }

    private HyperliquidMarketDataProvider Provider() => new(Http, Endpoint(Venue.BaseUrl));

    private static string CandleBody(string coin, string interval, long start, long end) =>
        $$$"""{"type":"candleSnapshot","req":{"coin":"{{{coin}}}","interval":"{{{interval}}}","startTime":{{{start}}},"endTime":{{{end}}}}}""";
}
