using Tradewind.Core;

namespace Tradewind.Backtesting;

/// <summary>The formulas of docs/metrics.md. Runs once per backtest, after the bar loop.</summary>
internal static class MetricsCalculator
{
    private const long DayMs = 86_400_000;

    public static double[] Drawdowns(double[] equity, double initialCash)
    {
        var result = new double[equity.Length];
        var peak = initialCash;
        for (var i = 0; i < equity.Length; i++)
        {
            if (equity[i] > peak)
            {
                peak = equity[i];
            }

            result[i] = peak > 0 ? (1 - (equity[i] / peak)) * 100 : 0;
        }

        return result;
    }

    public static (int Days, AnnualizationSource Source) Annualization(long[] time, Timeframe timeframe, int? option)
    {
        if (option is { } days)
        {
            return (days, AnnualizationSource.Option);
        }

        var n = time.Length;
        if (timeframe > Timeframe.D1 || n == 0 || time[n - 1] - time[0] < 7 * DayMs)
        {
            return (365, AnnualizationSource.AssumedAlwaysOpen);
        }

        // Weekday of each bar from its UTC day; one division per day, not per bar.
        var weekend = 0;
        var dayEnd = long.MinValue;
        var isWeekend = false;
        foreach (var t in time)
        {
            if (t >= dayEnd)
            {
                var day = FloorDiv(t, DayMs);
                dayEnd = (day + 1) * DayMs;

                // 1970-01-01 was a Thursday: with Sunday = 0, day d is weekday (d + 4) mod 7.
                var weekday = (int)(((day % 7) + 11) % 7);
                isWeekend = weekday is 0 or 6;
            }

            if (isWeekend)
            {
                weekend++;
            }
        }

        // A 24/7 venue has 2/7 of its bars on weekends, a weekday market none; split the difference.
        return weekend < n / 7.0
            ? (252, AnnualizationSource.DetectedWeekendGaps)
            : (365, AnnualizationSource.DetectedAlwaysOpen);
    }

    /// <summary>Periodic returns: per UTC day for daily and finer bars, per bar for weekly and monthly ones.</summary>
    public static double[] PeriodReturns(long[] time, double[] equity, double initialCash, Timeframe timeframe)
    {
        var returns = new List<double>();
        var previous = initialCash;
        var perBar = timeframe > Timeframe.D1;
        var n = time.Length;
        var dayEnd = n > 0 ? (FloorDiv(time[0], DayMs) + 1) * DayMs : 0;
        for (var i = 0; i < n; i++)
        {
            var lastOfPeriod = i == n - 1 || perBar || time[i + 1] >= dayEnd;
            if (!lastOfPeriod)
            {
                continue;
            }

            if (i < n - 1 && !perBar)
            {
                dayEnd = (FloorDiv(time[i + 1], DayMs) + 1) * DayMs;
            }

            returns.Add(previous > 0 ? (equity[i] / previous) - 1 : 0);
            previous = equity[i];
        }

        return [.. returns];
    }

    public static BacktestMetrics Compute(
        long[] time,
        double[] equity,
        double[] drawdownPct,
        bool[] exposed,
        double initialCash,
        IReadOnlyList<BacktestTrade> trades,
        Timeframe timeframe,
        BacktestOptions options,
        double buyAndHoldPct,
        double feesPaid,
        double fundingPaid,
        int rejected,
        int liquidations)
    {
        var n = equity.Length;
        var final = n > 0 ? equity[n - 1] : initialCash;
        var peak = initialCash;
        foreach (var e in equity)
        {
            peak = Math.Max(peak, e);
        }

        var (days, source) = Annualization(time, timeframe, options.AnnualizationDays);
        var periodsPerYear = timeframe == Timeframe.W1 ? 52.0 : timeframe.IsCalendarMonth ? 12.0 : days;
        var returns = PeriodReturns(time, equity, initialCash, timeframe);
        var m = returns.Length;

        var ratio = final / initialCash;
        var cagr = m == 0 ? double.NaN : ratio <= 0 ? -100 : (Math.Pow(ratio, periodsPerYear / m) - 1) * 100;

        var mean = Mean(returns);
        var sd = SampleStdev(returns, mean);
        var riskFree = options.RiskFreeRate / periodsPerYear;
        var sqrtP = Math.Sqrt(periodsPerYear);
        var volatility = sd * sqrtP * 100;
        var sharpe = sd > 0 ? (mean - riskFree) / sd * sqrtP : double.NaN;
        var downsideSum = 0.0;
        foreach (var r in returns)
        {
            var d = Math.Min(r - riskFree, 0);
            downsideSum += d * d;
        }

        var downside = m > 0 ? Math.Sqrt(downsideSum / m) : double.NaN;
        var sortino = downside > 0 ? (mean - riskFree) / downside * sqrtP : double.NaN;

        var (maxDd, maxDuration, avgDd) = DrawdownEpisodes(time, drawdownPct);
        var calmar = maxDd > 0 ? cagr / maxDd : double.NaN;

        var exposedBars = 0;
        foreach (var x in exposed)
        {
            if (x)
            {
                exposedBars++;
            }
        }

        var (winRate, profitFactor, expectancy, sqn, kelly, avgPct, bestPct, worstPct, avgDuration) = TradeStatistics(trades);

        return new BacktestMetrics
        {
            StartEquity = initialCash,
            FinalEquity = final,
            PeakEquity = peak,
            TotalReturnPct = (ratio - 1) * 100,
            CagrPct = cagr,
            BuyAndHoldReturnPct = buyAndHoldPct,
            VolatilityAnnPct = volatility,
            Sharpe = sharpe,
            Sortino = sortino,
            Calmar = calmar,
            MaxDrawdownPct = maxDd,
            MaxDrawdownDuration = maxDuration,
            AvgDrawdownPct = avgDd,
            NumTrades = trades.Count,
            WinRatePct = winRate,
            ProfitFactor = profitFactor,
            Expectancy = expectancy,
            Sqn = sqn,
            Kelly = kelly,
            ExposurePct = n > 0 ? exposedBars * 100.0 / n : double.NaN,
            AvgTradePct = avgPct,
            BestTradePct = bestPct,
            WorstTradePct = worstPct,
            AvgTradeDuration = avgDuration,
            FeesPaid = feesPaid,
            FundingPaid = fundingPaid,
            RejectedOrders = rejected,
            Liquidations = liquidations,
            Bars = n,
            AnnualizationDays = days,
            AnnualizationSource = source,
            PeriodsPerYear = periodsPerYear,
            ReturnPeriods = m,
        };
    }

    /// <summary>Deepest drawdown, longest peak-to-recovery time (to the end if unrecovered), mean episode depth.</summary>
    public static (double Max, TimeSpan MaxDuration, double Average) DrawdownEpisodes(long[] time, double[] drawdownPct)
    {
        var n = drawdownPct.Length;
        if (n == 0)
        {
            return (double.NaN, TimeSpan.Zero, double.NaN);
        }

        var max = 0.0;
        long longest = 0;
        var episodes = 0;
        var depthSum = 0.0;
        var peakTime = time[0];
        var depth = 0.0;
        var inEpisode = false;
        for (var i = 0; i < n; i++)
        {
            var dd = drawdownPct[i];
            max = Math.Max(max, dd);
            if (dd > 0)
            {
                inEpisode = true;
                depth = Math.Max(depth, dd);
                continue;
            }

            if (inEpisode)
            {
                longest = Math.Max(longest, time[i] - peakTime);
                episodes++;
                depthSum += depth;
                inEpisode = false;
                depth = 0;
            }

            peakTime = time[i];
        }

        if (inEpisode)
        {
            longest = Math.Max(longest, time[n - 1] - peakTime);
            episodes++;
            depthSum += depth;
        }

        return (max, TimeSpan.FromMilliseconds(longest), episodes > 0 ? depthSum / episodes : 0);
    }

    private static (double WinRate, double ProfitFactor, double Expectancy, double Sqn, double Kelly, double AvgPct, double BestPct, double WorstPct, TimeSpan AvgDuration)
        TradeStatistics(IReadOnlyList<BacktestTrade> trades)
    {
        var n = trades.Count;
        if (n == 0)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, TimeSpan.Zero);
        }

        int wins = 0, losses = 0;
        double grossWin = 0, grossLoss = 0, pnlSum = 0, pctSum = 0;
        double best = double.NegativeInfinity, worst = double.PositiveInfinity;
        long durationSum = 0;
        foreach (var t in trades)
        {
            pnlSum += t.Pnl;
            pctSum += t.PnlPct;
            best = Math.Max(best, t.PnlPct);
            worst = Math.Min(worst, t.PnlPct);
            durationSum += t.ExitTime - t.EntryTime;
            if (t.Pnl > 0)
            {
                wins++;
                grossWin += t.Pnl;
            }
            else if (t.Pnl < 0)
            {
                losses++;
                grossLoss -= t.Pnl;
            }
        }

        var expectancy = pnlSum / n;
        var sq = 0.0;
        foreach (var t in trades)
        {
            var d = t.Pnl - expectancy;
            sq += d * d;
        }

        var sd = n > 1 ? Math.Sqrt(sq / (n - 1)) : double.NaN;
        var sqn = sd > 0 ? Math.Sqrt(n) * expectancy / sd : double.NaN;
        var winRate = (double)wins / n;
        var kelly = wins > 0 && losses > 0 ? winRate - ((1 - winRate) / ((grossWin / wins) / (grossLoss / losses))) : double.NaN;
        var profitFactor = grossLoss > 0 ? grossWin / grossLoss : double.NaN;
        return (winRate * 100, profitFactor, expectancy, sqn, kelly, pctSum / n, best, worst, TimeSpan.FromMilliseconds(durationSum / (double)n));
    }

    private static double Mean(double[] values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static double SampleStdev(double[] values, double mean)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var sq = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            sq += d * d;
        }

        return Math.Sqrt(sq / (values.Length - 1));
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : ((a + 1) / b) - 1;
}
