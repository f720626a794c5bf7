using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;

namespace Tradewind.Backtesting.Tests;

/// <summary>Whole backtests on real market data from tests/fixtures/data.</summary>
public sealed class RealDataTests
{
    private static readonly Ticker Goog = new(ExchangeId.Sim, "GOOG", "USD");

    [Fact]
    public void Run_GoogDailyWithBacktestingPyConventions_MatchesItsBuyAndHoldAndDetects252Days()
    {
        var data = Fixtures.Goog();
        var leg = new BacktestLeg(Specs.Spot(Goog, lotStep: 1), data, new SmaCrossProgram(data, 10, 20, shorts: true));

        var result = BacktestEngine.Run(new BacktestRequest([leg], Timeframe.D1, BacktestOptions.BacktestingPy with { TradingFee = 0.002 }));

        // backtesting.py reports "Buy & Hold Return [%] 703.458" for this file (first close to last close).
        Assert.Equal(703.458, Math.Round(result.Metrics.BuyAndHoldReturnPct, 3));
        Assert.Equal((252, AnnualizationSource.DetectedWeekendGaps), (result.Metrics.AnnualizationDays, result.Metrics.AnnualizationSource));
        Assert.Equal(2148, result.Metrics.Bars);
        // A long/short SMA(10/20) system is always in the market after its first cross.
        Assert.InRange(result.Metrics.NumTrades, 80, 120);
        Assert.InRange(result.Metrics.ExposurePct, 90, 100);
        Assert.Single(result.OpenPositions);
        Assert.All(result.Trades, t => Assert.Equal(Math.Floor(t.Quantity), t.Quantity));
        Assert.True(double.IsFinite(result.Metrics.Sharpe));
        Assert.Equal(TimeSpan.FromDays(3116), TimeSpan.FromMilliseconds(result.Equity.Time[^1] - result.Equity.Time[0]));
    }

    [Fact]
    public void Run_SolanaHourly_Detects365DaysAndAnnualisesOnDailyReturns()
    {
        var data = Fixtures.Solana();
        var leg = new BacktestLeg(Specs.Spot(new Ticker(ExchangeId.Binance, "SOL", "USDT"), lotStep: 0.01m, minNotional: 5), data, new SmaCrossProgram(data, 12, 48, stop: 4, take: 8));

        var result = BacktestEngine.Run(new BacktestRequest([leg], Timeframe.H1, BacktestOptions.Default));

        Assert.Equal((365, AnnualizationSource.DetectedAlwaysOpen), (result.Metrics.AnnualizationDays, result.Metrics.AnnualizationSource));
        // 1000 hourly bars from 2024-09-20 15:00 to 2024-11-01 06:00: 9 bars on Sep 20, 41 full days, 7 bars on
        // Nov 1, so 43 UTC days and 43 daily returns.
        Assert.Equal(43, result.Metrics.ReturnPeriods);
        Assert.True(result.Metrics.NumTrades >= 5);
        Assert.Equal(result.Metrics.FinalEquity, 10_000 + result.Trades.Sum(t => t.Pnl), 1e-6);
    }
}
