using Tradewind.Core;
using Tradewind.MarketData.Sim;
using static Tradewind.MarketData.Tests.Sim.SimTestData;

namespace Tradewind.MarketData.Tests.Sim;

/// <summary>
/// The stylised facts of crypto returns, each checked on generated data (seed 42) with a stated threshold. The
/// thresholds leave room: they hold for other seeds too, so they test the model rather than one lucky path.
/// </summary>
public sealed class SimDynamicsTests
{

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public async Task MinuteAndHourReturns_HaveFatTails(long seed)
    {
        var provider = Provider(seed);
        var minutes = LogReturns(await provider.Candles(Btc, Timeframe.M1, "2024-03-01", "2024-03-31"));
        var hours = LogReturns(await provider.Candles(Btc, Timeframe.H1, "2024-01-01", "2024-07-01"));

        // A normal distribution has excess kurtosis 0.
        Assert.True(ExcessKurtosis(minutes) > 3, $"1m excess kurtosis {ExcessKurtosis(minutes)}");
        Assert.True(ExcessKurtosis(hours) > 1, $"1h excess kurtosis {ExcessKurtosis(hours)}");
    }

    [Fact]
    public async Task AbsoluteReturns_AreAutocorrelated_VolatilityClusters()
    {
        var hours = LogReturns(await Provider().Candles(Btc, Timeframe.H1, "2024-01-01", "2025-01-01"));
        var days = DailyReturns(SimUniverse.Symbols[0]);

        foreach (var lag in new[] { 1, 2, 3, 5, 10 })
        {
            Assert.True(AbsAutocorrelation(hours, lag) > 0.05, $"1h lag {lag}: {AbsAutocorrelation(hours, lag)}");
            Assert.True(AbsAutocorrelation(days, lag) > 0.05, $"1d lag {lag}: {AbsAutocorrelation(days, lag)}");
        }
    }

    [Fact]
    public void DailyReturns_CorrelatedThroughTheMarketFactor()
    {
        var btc = DailyReturns(SimUniverse.Symbols[0]);
        var eth = DailyReturns(SimUniverse.Symbols[1]);
        var pepe = DailyReturns(SimUniverse.Symbols[^1]);

        var btcEth = Correlation(btc, eth);
        var btcPepe = Correlation(btc, pepe);
        Assert.InRange(btcEth, 0.6, 0.9);
        Assert.InRange(btcPepe, 0.2, btcEth - 0.1);
    }

    [Fact]
    public async Task DailyLayer_IsWhatDailyBarsShow()
    {
        // The daily statistics above read the daily layer directly (ten years in milliseconds); this pins that the
        // 1d bars a user fetches close exactly where the daily layer says, rounded to the tick.
        var provider = Provider();
        var bars = await provider.Candles(Eth, Timeframe.D1, "2015-01-01", "2015-03-01");
        var layer = provider.Layer(100).For(SimUniverse.Symbols[1]);

        for (var d = 0; d < bars.Count; d++)
        {
            Assert.Equal(Math.Round(SimMath.Exp(layer.LogOpen[d + 1]) * 100) / 100, bars.Close[d]);
        }
    }

    [Fact]
    public async Task HourlyReturns_CorrelatedIntraday()
    {
        var provider = Provider();
        var btc = LogReturns(await provider.Candles(Btc, Timeframe.H1, "2024-01-01", "2024-04-01"));
        var eth = LogReturns(await provider.Candles(Eth, Timeframe.H1, "2024-01-01", "2024-04-01"));

        // The market factor has its own minute path, so BTC and ETH move together within the day too.
        Assert.InRange(Correlation(btc, eth), 0.4, 0.9);
    }

    [Fact]
    public async Task Volume_RisesWithTheSizeOfTheMove()
    {
        var provider = Provider();
        var minutes = await provider.Candles(Btc, Timeframe.M1, "2024-03-01", "2024-03-15");
        var hours = await provider.Candles(Btc, Timeframe.H1, "2024-01-01", "2024-04-01");

        var r1 = LogReturns(minutes).Select(Math.Abs).ToArray();
        var rh = LogReturns(hours).Select(Math.Abs).ToArray();
        Assert.True(Correlation(minutes.Volume.AsSpan(1), r1) > 0.3, $"1m corr {Correlation(minutes.Volume.AsSpan(1), r1)}");
        Assert.True(Correlation(hours.Volume.AsSpan(1), rh) > 0.15, $"1h corr {Correlation(hours.Volume.AsSpan(1), rh)}");
    }

    [Fact]
    public async Task Volume_FollowsTheUtcDay_BusiestAtTheUsOpen()
    {
        var hours = await Provider().Candles(Btc, Timeframe.H1, "2024-01-01", "2024-04-01");
        var byHour = new double[24];
        for (var i = 0; i < hours.Count; i++)
        {
            byHour[hours.Time[i] / 3_600_000 % 24] += hours.Volume[i];
        }

        var usOpen = byHour[14] + byHour[15];
        var asianMorning = byHour[4] + byHour[5];
        Assert.True(usOpen > 1.8 * asianMorning, $"14-16 UTC {usOpen} vs 04-06 UTC {asianMorning}: ratio {usOpen / asianMorning}");
    }

    [Fact]
    public async Task Volume_LowerAtWeekends()
    {
        var days = await Provider().Candles(Btc, Timeframe.D1, "2023-01-02", "2024-01-01");
        double weekday = 0, weekend = 0;
        for (var i = 0; i < days.Count; i++)
        {
            var dow = DateTimeOffset.FromUnixTimeMilliseconds(days.Time[i]).DayOfWeek;
            if (dow is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                weekend += days.Volume[i] / 2;
            }
            else
            {
                weekday += days.Volume[i] / 5;
            }
        }

        Assert.True(weekend < 0.85 * weekday, $"weekend/weekday {weekend / weekday}");
    }

    [Fact]
    public void Regimes_AllOccur_WithDistinctDriftAndVolatility()
    {
        var provider = Provider();
        var layer = provider.Layer(4000);
        var market = layer.Market;
        var btc = layer.For(SimUniverse.Symbols[0]);
        var count = new int[4];
        var switches = 0;
        var sumReturn = new double[4];
        var sumAbsReturn = new double[4];
        for (var d = 0; d < 4000; d++)
        {
            var r = (int)market.Regime[d];
            count[r]++;
            var dayReturn = btc.LogOpen[d + 1] - btc.LogOpen[d];
            sumReturn[r] += dayReturn;
            sumAbsReturn[r] += Math.Abs(dayReturn);
            if (d > 0 && market.Regime[d] != market.Regime[d - 1])
            {
                switches++;
            }
        }

        Assert.All(count, c => Assert.True(c > 0));
        Assert.InRange(switches, 20, 400); // regimes persist for weeks to months, not days
        double Mean(double[] sum, SimRegime r) => sum[(int)r] / count[(int)r];
        Assert.True(Mean(sumReturn, SimRegime.Bull) > 0, "bull markets rise");
        Assert.True(Mean(sumReturn, SimRegime.Bear) < 0, "bear markets fall");
        Assert.True(Mean(sumReturn, SimRegime.Crash) < Mean(sumReturn, SimRegime.Bear), "crashes fall fastest");
        Assert.True(Mean(sumAbsReturn, SimRegime.Crash) > 2 * Mean(sumAbsReturn, SimRegime.Calm), "crashes are violent");
        Assert.True(Mean(sumAbsReturn, SimRegime.Bear) > Mean(sumAbsReturn, SimRegime.Calm), "bear markets are choppier than calm ones");
    }

    /// <summary>Ten years of daily log returns (close to close) from the daily layer.</summary>
    private static double[] DailyReturns(SimSymbol symbol)
    {
        var layer = Provider().Layer(3650).For(symbol);
        var r = new double[3650];
        for (var d = 0; d < r.Length; d++)
        {
            r[d] = layer.LogOpen[d + 1] - layer.LogOpen[d];
        }

        return r;
    }
}
