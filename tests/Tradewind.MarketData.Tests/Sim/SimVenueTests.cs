using Microsoft.Extensions.Time.Testing;
using Tradewind.Core;
using Tradewind.MarketData.Sim;
using static Tradewind.MarketData.Tests.Sim.SimTestData;

namespace Tradewind.MarketData.Tests.Sim;

public sealed class SimVenueTests
{
    [Fact]
    public async Task GetInstrumentsAsync_SpotAndPerpetualPerSymbol_WithVenueRules()
    {
        var specs = await Provider().GetInstrumentsAsync(CancellationToken.None);

        Assert.True(specs.Count >= 40, $"{specs.Count} instruments");
        Assert.Equal(specs.Count, specs.Select(s => s.Ticker).Distinct().Count());
        foreach (var spec in specs)
        {
            Assert.Equal(ExchangeId.Sim, spec.Ticker.Exchange);
            Assert.Equal("USDT", spec.Ticker.Quote);
            Assert.Equal(spec.Ticker, Ticker.Parse(spec.Ticker.ToString()));
            Assert.True(spec.TickSize > 0 && spec.LotStep > 0 && spec.MinQuantity >= spec.LotStep);
            Assert.True(spec.MinNotional >= 5m);
            if (spec.ContractType == MarketType.Perpetual)
            {
                Assert.Equal("USDT", spec.Ticker.Settle);
                Assert.Equal(TimeSpan.FromHours(8), spec.FundingInterval);
                Assert.InRange(spec.MaxLeverage, 50, 100);
                Assert.Contains(specs, s => s.Ticker == new Ticker(ExchangeId.Sim, spec.Ticker.Base, "USDT"));
            }
            else
            {
                Assert.Equal(MarketType.Spot, spec.ContractType);
                Assert.Null(spec.FundingInterval);
                Assert.Equal(1, spec.MaxLeverage);
            }
        }

        var btc = specs.Single(s => s.Ticker == Btc);
        Assert.Equal(0.01m, btc.TickSize);
        Assert.Equal(0.00001m, btc.LotStep);
        Assert.Equal(5m, btc.MinNotional);
        Assert.Equal(100, specs.Single(s => s.Ticker == BtcPerp).MaxLeverage);
    }

    [Fact]
    public async Task GetCandlesAsync_PriceLevels_PlausiblePerSymbol()
    {
        var provider = Provider();

        async Task<double> Close(string ticker) =>
            (await provider.Candles(Ticker.Parse(ticker), Timeframe.D1, "2024-06-01", "2024-06-02")).Close[0];

        Assert.InRange(await Close("SIM:BTC/USDT"), 10_000, 150_000);
        Assert.InRange(await Close("SIM:ETH/USDT"), 500, 10_000);
        Assert.InRange(await Close("SIM:SOL/USDT"), 20, 500);
        Assert.InRange(await Close("SIM:DOGE/USDT"), 0.01, 1);
        Assert.InRange(await Close("SIM:PEPE/USDT"), 1e-7, 1e-4);
    }

    [Theory]
    [InlineData("SIM:FOO/USDT", "there is no sim asset 'FOO'")]
    [InlineData("SIM:BTC/USDC", "quoted and settled in USDT")]
    [InlineData("SIM:BTC/USDT:USDC", "quoted and settled in USDT")]
    [InlineData("BINANCE:BTC/USDT", "does not list binance instruments")]
    public async Task GetCandlesAsync_UnknownSymbol_ListsValidSymbols(string ticker, string why)
    {
        var error = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().Candles(Ticker.Parse(ticker), Timeframe.H1, "2024-01-01", "2024-01-02"));

        Assert.Equal(ErrorCode.UnknownSymbol, error.Code);
        Assert.Contains(why, error.Message);
        Assert.Contains(ticker.ToUpperInvariant(), error.Message);
        foreach (var symbol in SimUniverse.Symbols)
        {
            Assert.Contains($"{symbol.Base}/USDT", error.Suggestion);
        }

        Assert.Contains("SIM:BASE/USDT:USDT", error.Suggestion);
    }

    [Fact]
    public async Task GetTickerAsync_Misspelt_SuggestsClosestSymbol()
    {
        var error = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetTickerAsync(Ticker.Parse("SIM:ETHH/USDT:USDT"), CancellationToken.None));

        Assert.Equal(ErrorCode.UnknownSymbol, error.Code);
        Assert.StartsWith("Did you mean SIM:ETH/USDT:USDT?", error.Suggestion);
    }

    [Fact]
    public async Task GetFundingRatesAsync_Year_EveryEightHoursAtVenueTimes()
    {
        var rates = await Provider().GetFundingRatesAsync(BtcPerp, Ms("2024-01-01"), Ms("2025-01-01"), CancellationToken.None);

        Assert.Equal(366 * 3, rates.Count);
        Assert.Equal(Ms("2024-01-01"), rates[0].Time);
        for (var i = 0; i < rates.Count; i++)
        {
            Assert.Equal(Ms("2024-01-01") + (i * 8 * 3_600_000L), rates[i].Time);
            Assert.Contains(DateTimeOffset.FromUnixTimeMilliseconds(rates[i].Time).Hour, new[] { 0, 8, 16 });
            Assert.InRange(rates[i].Rate, -0.0075, 0.0075);
            Assert.Equal(Math.Round(rates[i].Rate * 1e8), rates[i].Rate * 1e8, 6);
        }

        // Like real venues: most intervals pay exactly the 0.01% interest rate; the basis moves it when it is large.
        Assert.True(rates.Count(r => r.Rate == 0.0001) > rates.Count / 2);
        Assert.Contains(rates, r => r.Rate > 0.0001);
        Assert.Contains(rates, r => r.Rate < 0.0001);
    }

    [Fact]
    public async Task GetFundingRatesAsync_FollowsThePerpPremium()
    {
        // Funding is derived from the basis: intervals whose perp traded above spot pay more than those below.
        var provider = Provider();
        var rates = await provider.GetFundingRatesAsync(Ticker.Parse("SIM:SOL/USDT:USDT"), Ms("2023-01-01"), Ms("2023-04-01"), CancellationToken.None);
        var spot = await provider.Candles(Ticker.Parse("SIM:SOL/USDT"), Timeframe.H1, "2022-12-31T16:00:00Z", "2023-04-01");
        var perp = await provider.Candles(Ticker.Parse("SIM:SOL/USDT:USDT"), Timeframe.H1, "2022-12-31T16:00:00Z", "2023-04-01");

        var premium = new double[rates.Count];
        var rate = new double[rates.Count];
        for (var i = 0; i < rates.Count; i++)
        {
            var end = spot.LowerBound(rates[i].Time);
            for (var h = end - 8; h < end; h++)
            {
                premium[i] += (perp.Close[h] / spot.Close[h]) - 1;
            }

            rate[i] = rates[i].Rate;
        }

        Assert.True(Correlation(premium, rate) > 0.5, $"correlation {Correlation(premium, rate)}");
    }

    [Fact]
    public async Task GetFundingRatesAsync_NoFutureAndNoneBeforeGenesis()
    {
        var provider = Provider(now: new DateTimeOffset(2015, 1, 2, 9, 0, 0, TimeSpan.Zero));

        var rates = await provider.GetFundingRatesAsync(BtcPerp, Ms("2014-01-01"), Ms("2030-01-01"), CancellationToken.None);

        Assert.Equal([Ms("2015-01-01T08:00:00Z"), Ms("2015-01-01T16:00:00Z"), Ms("2015-01-02"), Ms("2015-01-02T08:00:00Z")], rates.Select(r => r.Time));
    }

    [Fact]
    public async Task GetFundingRatesAsync_Spot_DataUnavailableNamingThePerpetual()
    {
        var error = await Assert.ThrowsAsync<TradewindException>(
            () => Provider().GetFundingRatesAsync(Btc, Ms("2024-01-01"), Ms("2024-02-01"), CancellationToken.None));

        Assert.Equal(ErrorCode.DataUnavailable, error.Code);
        Assert.Contains("perpetual", error.Message);
        Assert.Contains("SIM:BTC/USDT:USDT", error.Suggestion);
    }

    [Fact]
    public async Task GetTickerAsync_TrailingDayFromMinuteBars()
    {
        var provider = Provider();
        var quote = await provider.GetTickerAsync(Eth, CancellationToken.None);
        var now = Now.ToUnixTimeMilliseconds();
        var current = now - (now % 60_000);
        var closed = await provider.GetCandlesAsync(Eth, Timeframe.M1, current - (1439 * 60_000L), now, null, CancellationToken.None);

        Assert.Equal(Eth, quote.Ticker);
        Assert.Equal(now, quote.Time);
        Assert.Equal(1439, closed.Count);
        Assert.Equal(closed.Open[0], quote.Open24h);
        Assert.True(quote.High24h >= closed.High.Max() && quote.Low24h <= closed.Low.Min());
        Assert.InRange(quote.Last, quote.Low24h, quote.High24h);
        Assert.InRange(quote.Volume24h, closed.Volume.Sum(), closed.Volume.Sum() * 1.05);
        Assert.InRange(quote.QuoteVolume24h / quote.Volume24h, quote.Low24h, quote.High24h);

        var tick = 0.01;
        Assert.True(quote.Bid < quote.Ask);
        Assert.InRange(Math.Round((quote.Ask - quote.Bid) / tick), 1, 3);
        Assert.InRange(quote.Last, quote.Bid, quote.Ask);
    }

    [Fact]
    public async Task GetTickerAsync_OnMinuteBoundary_LastIsPreviousClose()
    {
        var at = new DateTimeOffset(2024, 3, 10, 7, 45, 0, TimeSpan.Zero);
        var provider = Provider(now: at);

        var quote = await provider.GetTickerAsync(BtcPerp, CancellationToken.None);
        var bars = await provider.Candles(BtcPerp, Timeframe.M1, "2024-03-10T07:00:00Z", "2024-03-10T08:00:00Z");

        Assert.Equal(at.AddMinutes(-1).ToUnixTimeMilliseconds(), bars.Time[^1]);
        Assert.Equal(bars.Close[^1], quote.Last);
    }

    [Fact]
    public async Task GetTickerAsync_ClockMoves_LastMovesToNextClose()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 10, 7, 45, 0, TimeSpan.Zero));
        var provider = new SimMarketDataProvider(null, clock);
        clock.Advance(TimeSpan.FromSeconds(59.999));
        var late = await provider.GetTickerAsync(Btc, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var bars = await provider.Candles(Btc, Timeframe.M1, "2024-03-10T07:45:00Z", "2024-03-10T07:46:00Z");

        Assert.Equal(bars.Close[0], (await provider.GetTickerAsync(Btc, CancellationToken.None)).Last);
        Assert.InRange(late.Last, bars.Low[0], bars.High[0]);
    }

    [Fact]
    public async Task GetTickerAsync_BeforeGenesis_DataUnavailable()
    {
        var error = await Assert.ThrowsAsync<TradewindException>(
            () => Provider(now: new DateTimeOffset(2014, 6, 1, 0, 0, 0, TimeSpan.Zero)).GetTickerAsync(Btc, CancellationToken.None));

        Assert.Equal(ErrorCode.DataUnavailable, error.Code);
        Assert.Contains("2015-01-01", error.Message);
    }

    [Fact]
    public async Task GetTickerAsync_JustAfterGenesis_WindowStartsAtGenesis()
    {
        var quote = await Provider(now: new DateTimeOffset(2015, 1, 1, 0, 10, 30, TimeSpan.Zero)).GetTickerAsync(Btc, CancellationToken.None);

        Assert.Equal(40000, quote.Open24h);
        Assert.True(quote.Volume24h > 0);
    }

    [Fact]
    public async Task GetTopOfBookAsync_AgreesWithTickerAndRoundsSizesToLots()
    {
        var provider = Provider();
        var specs = await provider.GetInstrumentsAsync(CancellationToken.None);
        foreach (var ticker in new[] { Btc, BtcPerp, Ticker.Parse("SIM:PEPE/USDT"), Ticker.Parse("SIM:XRP/USDT:USDT") })
        {
            var spec = specs.Single(s => s.Ticker == ticker);
            var book = await provider.GetTopOfBookAsync(ticker, CancellationToken.None);
            var quote = await provider.GetTickerAsync(ticker, CancellationToken.None);

            Assert.Equal(ticker, book.Ticker);
            Assert.Equal(quote.Time, book.Time);
            Assert.Equal(quote.Bid, book.BidPrice);
            Assert.Equal(quote.Ask, book.AskPrice);
            foreach (var size in new[] { book.BidSize, book.AskSize })
            {
                Assert.True(size >= (double)spec.LotStep, $"{ticker} size {size}");
                var lots = size / (double)spec.LotStep;
                Assert.True(Math.Abs(lots - Math.Round(lots)) < 1e-6, $"{ticker} size {size} is not a whole number of lots");
            }
        }
    }
}
