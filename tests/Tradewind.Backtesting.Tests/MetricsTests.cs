using Tradewind.Backtesting.Tests.Infrastructure;
using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Backtesting.Tests;

/// <summary>
/// The formulas of docs/metrics.md on a hand-computed equity curve: initial 100, then daily closes
/// 110, 99, 121, 121, 108.9, i.e. daily returns +10%, -10%, +22.2%, 0, -10%.
/// </summary>
public sealed class MetricsTests
{
    private const double Tol = 1e-9;

    private static readonly long[] Days = [Bars.T0, Bars.T0 + Bars.Day, Bars.T0 + (2 * Bars.Day), Bars.T0 + (3 * Bars.Day), Bars.T0 + (4 * Bars.Day)];

    private static readonly double[] Curve = [110, 99, 121, 121, 108.9];

    private static readonly BacktestTrade[] Trades =
    [
        Trade(10, 1), Trade(-5, 2), Trade(20, 3), Trade(-10, 4),
    ];

    private static BacktestTrade Trade(double pnl, int hours) =>
        new(Specs.Btc, PositionSide.Long, Bars.T0, 100, Bars.T0 + (hours * Bars.Hour), 100 + pnl, 1, pnl, pnl, 0, 0, ExitReason.Signal, 0, hours);

    private static BacktestMetrics Compute(BacktestOptions? options = null, IReadOnlyList<BacktestTrade>? trades = null)
    {
        var drawdown = MetricsCalculator.Drawdowns(Curve, 100);
        return MetricsCalculator.Compute(Days, Curve, drawdown, [false, true, true, false, true], 100, trades ?? Trades, Timeframe.D1, options ?? BacktestOptions.Default, 7.5, 1.25, -0.5, 3, 1);
    }

    [Fact]
    public void Compute_Returns_MatchTheHandComputedValues()
    {
        var m = Compute();

        Assert.Equal(8.9, m.TotalReturnPct, Tol);
        Assert.Equal(108.9, m.FinalEquity);
        Assert.Equal(121, m.PeakEquity);
        // Five days of data cannot show weekends: 365 is assumed, and there is one return per day.
        Assert.Equal((365, AnnualizationSource.AssumedAlwaysOpen, 365.0, 5), (m.AnnualizationDays, m.AnnualizationSource, m.PeriodsPerYear, m.ReturnPeriods));
        // (1.089^(365/5) - 1) * 100.
        Assert.Equal(50370.22282876647, m.CagrPct, 1e-6);
        Assert.Equal(7.5, m.BuyAndHoldReturnPct);
    }

    [Fact]
    public void Compute_Risk_MatchesTheHandComputedValues()
    {
        var m = Compute();

        // mean 0.024444, sample sd 0.138198; x sqrt(365).
        Assert.Equal(264.0274490032438, m.VolatilityAnnPct, 1e-9);
        Assert.Equal(3.3792782742496676, m.Sharpe, 1e-12);
        // Downside deviation sqrt((0.01 + 0.01) / 5) = 0.063246.
        Assert.Equal(7.384083650530032, m.Sortino, 1e-12);
        Assert.Equal(10, m.MaxDrawdownPct, Tol);
        Assert.Equal(50370.22282876647 / 10, m.Calmar, 1e-6);
        // Peak day 0 -> recovered day 2; the last episode runs from day 3 to the end (day 4).
        Assert.Equal(TimeSpan.FromDays(2), m.MaxDrawdownDuration);
        Assert.Equal(10, m.AvgDrawdownPct, Tol);
        Assert.Equal(60, m.ExposurePct, Tol);
    }

    [Fact]
    public void Compute_RiskFreeRate_IsTakenPerPeriod()
    {
        var m = Compute(new BacktestOptions { RiskFreeRate = 0.05 });

        Assert.Equal(3.360340849300572, m.Sharpe, 1e-12);
        Assert.Equal(7.332655187695638, m.Sortino, 1e-12);
    }

    [Fact]
    public void Compute_Trades_MatchTheHandComputedValues()
    {
        var m = Compute();

        Assert.Equal(4, m.NumTrades);
        Assert.Equal(50, m.WinRatePct);
        Assert.Equal(30.0 / 15, m.ProfitFactor, Tol);
        Assert.Equal(3.75, m.Expectancy, Tol);
        // sqrt(4) * 3.75 / stdev(10, -5, 20, -10).
        Assert.Equal(0.5447047794019222, m.Sqn, 1e-12);
        // W - (1 - W) / (avg win / avg loss) = 0.5 - 0.5 / (15 / 7.5).
        Assert.Equal(0.25, m.Kelly, Tol);
        Assert.Equal((3.75, 20.0, -10.0), (m.AvgTradePct, m.BestTradePct, m.WorstTradePct));
        Assert.Equal(TimeSpan.FromHours(2.5), m.AvgTradeDuration);
        Assert.Equal((1.25, -0.5, 3, 1), (m.FeesPaid, m.FundingPaid, m.RejectedOrders, m.Liquidations));
    }

    [Fact]
    public void Compute_NoTradesNoLosses_AreUndefinedNotZero()
    {
        var none = Compute(trades: []);
        Assert.True(double.IsNaN(none.WinRatePct));
        Assert.True(double.IsNaN(none.ProfitFactor));
        Assert.True(double.IsNaN(none.Sqn));
        Assert.Equal(0, none.NumTrades);

        var winners = Compute(trades: [Trade(10, 1), Trade(5, 1)]);
        Assert.True(double.IsNaN(winners.ProfitFactor));
        Assert.True(double.IsNaN(winners.Kelly));
        Assert.Equal(100, winners.WinRatePct);
    }

    [Fact]
    public void Compute_AnnualizationOption_IsUsedAndReported()
    {
        var m = Compute(new BacktestOptions { AnnualizationDays = 252 });

        Assert.Equal((252, AnnualizationSource.Option), (m.AnnualizationDays, m.AnnualizationSource));
        Assert.Equal(0.1381982830287655 * Math.Sqrt(252) * 100, m.VolatilityAnnPct, 1e-9);
    }

    [Fact]
    public void Annualization_HourlyBarsEveryDay_Is365()
    {
        var time = Enumerable.Range(0, 24 * 21).Select(i => Bars.T0 + (i * Bars.Hour)).ToArray();

        Assert.Equal((365, AnnualizationSource.DetectedAlwaysOpen), MetricsCalculator.Annualization(time, Timeframe.H1, null));
    }

    [Fact]
    public void Annualization_WeekdayBarsOnly_Is252()
    {
        // 2024-01-01 is a Monday: keep Monday..Friday of four weeks.
        var time = Enumerable.Range(0, 28).Where(d => d % 7 < 5).Select(d => Bars.T0 + (d * Bars.Day)).ToArray();

        Assert.Equal((252, AnnualizationSource.DetectedWeekendGaps), MetricsCalculator.Annualization(time, Timeframe.D1, null));
    }

    [Fact]
    public void Annualization_WeeklyBars_Assumes365()
    {
        var time = Enumerable.Range(0, 20).Select(w => Bars.T0 + (w * 7 * Bars.Day)).ToArray();

        Assert.Equal((365, AnnualizationSource.AssumedAlwaysOpen), MetricsCalculator.Annualization(time, Timeframe.W1, null));
    }

    [Fact]
    public void PeriodReturns_IntradayBars_AreDailyFromTheLastBarOfEachDay()
    {
        long[] time = [Bars.T0, Bars.T0 + Bars.Hour, Bars.T0 + Bars.Day, Bars.T0 + Bars.Day + Bars.Hour];
        double[] equity = [101, 102, 99, 96.9];

        var returns = MetricsCalculator.PeriodReturns(time, equity, 100, Timeframe.H1);

        Assert.Equal(2, returns.Length);
        Assert.Equal(0.02, returns[0], Tol);
        Assert.Equal(-0.05, returns[1], Tol);
    }

    [Fact]
    public void Run_Metrics_CountExposureAndTradesFromTheBarLoop()
    {
        var data = Bars.Hourly((100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110), (120, 120, 120, 120), (120, 120, 120, 120));
        var result = Backtest.Script(data, Backtest.Frictionless, (0, Backtest.Long(OrderSize.Quantity(10))), (2, Backtest.Exit()));

        // Held during bars 1 and 2; sold at bar 3's open, so bar 3 is not exposed: 2 of 5 bars.
        Assert.Equal(40, result.Metrics.ExposurePct, Tol);
        Assert.Equal(1, result.Metrics.NumTrades);
        Assert.Equal(200, result.Trades[0].Pnl, Tol);
        Assert.Equal(2, result.Trades[0].Duration.TotalHours);
    }
}
