using Tradewind.Core;
using static Tradewind.MarketData.Tests.Sim.SimTestData;

namespace Tradewind.MarketData.Tests.Sim;

/// <summary>
/// Exact values of a few bars (seed 42, default genesis). The sim promises identical output on every machine and .NET
/// version, so these must never move. If a deliberate model change moves them, update the numbers and say so in the
/// release notes: every user's sim history changes with them.
/// </summary>
public sealed class SimGoldenTests
{
    [Theory]
    [InlineData("SIM:BTC/USDT", "1m", "2024-01-01T00:00:00Z", 32254.67, 32301.38, 32250.62, 32297.39, 33.77227783203125)]
    [InlineData("SIM:ETH/USDT", "1h", "2024-06-15T13:00:00Z", 2481.9, 2518.66, 2480.87, 2505.6, 5564.719970703125)]
    [InlineData("SIM:BTC/USDT:USDT", "1d", "2020-03-12T00:00:00Z", 41539.6, 42806.9, 41164.5, 42093.6, 195299.52810668945)]
    [InlineData("SIM:PEPE/USDT", "1m", "2023-05-05T14:31:00Z", 1.4695E-05, 1.4712E-05, 1.4658E-05, 1.467E-05, 4170977280)]
    [InlineData("SIM:SOL/USDT:USDT", "5m", "2015-01-01T00:00:00Z", 100.01, 100.28, 100, 100.25, 33373.5078125)]
    public async Task GetCandlesAsync_Seed42_PinnedBar(string ticker, string timeframe, string at, double open, double high, double low, double close, double volume)
    {
        var tf = Timeframe.Parse(timeframe);
        var bars = await Provider().GetCandlesAsync(Ticker.Parse(ticker), tf, Ms(at), Ms(at) + tf.NominalMilliseconds, null, CancellationToken.None);

        Assert.Equal(new Candle(Ms(at), open, high, low, close, volume), Assert.Single(bars.Time.Select((_, i) => bars[i])));
    }

    [Fact]
    public async Task GetTickerAndBook_Seed42_Pinned()
    {
        var provider = Provider();
        var quote = await provider.GetTickerAsync(Btc, CancellationToken.None);
        var book = await provider.GetTopOfBookAsync(Btc, CancellationToken.None);

        Assert.Equal(
            new TickerQuote(Btc, Now.ToUnixTimeMilliseconds(), 30727.75, 30727.74, 30727.77, 30930.93, 31034.89, 30346.99, 18568.275961987303, 569898092.1761956),
            quote);
        Assert.Equal(new TopOfBook(Btc, Now.ToUnixTimeMilliseconds(), 30727.74, 2.42243, 30727.77, 3.30368), book);
    }

    [Fact]
    public async Task GetFundingRatesAsync_Seed42_Pinned()
    {
        var rates = await Provider().GetFundingRatesAsync(BtcPerp, Ms("2020-03-12"), Ms("2020-03-14"), CancellationToken.None);

        Assert.Equal(new[] { 0.00010563, 0.00034418, 0.0001, 0.00014428, 0.0001, 0.0001 }, rates.Select(r => r.Rate));
    }
}
