using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tradewind.Backtesting;
using Tradewind.Core;
using Tradewind.Signals.Intents;

namespace Tradewind.Research.Reports;

/// <summary>Builds <see cref="BacktestReport"/> from a run, and writes it as JSON (result.json) and CSV (trades.csv, equity.csv).</summary>
public static class BacktestReports
{
    /// <summary>snake_case names, NaN and infinities as null, compact.</summary>
    public static JsonSerializerOptions Json { get; } = CreateJsonOptions();

    public static BacktestReport Build(BacktestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var spec = run.Spec;
        var r = run.Result;
        var m = r.Metrics;
        var summary = new ReportSummary(
            spec.Universe.Select(t => t.ToString()).ToArray(),
            spec.Timeframe.Name,
            TimeFormat.ToIso(spec.From),
            TimeFormat.ToIso(spec.To),
            Name(r.Options.Mode),
            m.StartEquity,
            m.FinalEquity,
            N(m.TotalReturnPct),
            N(m.MaxDrawdownPct),
            N(m.Sharpe),
            m.NumTrades,
            N(m.WinRatePct),
            m.Bars,
            run.WarmUpBars,
            m.RejectedOrders,
            m.Liquidations,
            r.UnfilledOrders);

        return new BacktestReport(
            summary,
            Metrics(m),
            OptionsOf(r.Options),
            r.Tickers.Select(t => new ReportTickerRow(
                t.Ticker.ToString(), t.InitialCash, t.FinalEquity, t.Pnl, N(t.ReturnPct), N(t.BuyAndHoldReturnPct), N(t.MaxDrawdownPct),
                t.NumTrades, N(t.WinRatePct), t.FeesPaid, t.FundingPaid, t.RejectedOrders, t.Liquidations, t.Bars)).ToArray(),
            r.Trades.Select(t => new ReportTradeRow(
                t.Ticker.ToString(), Side(t.Side), TimeFormat.ToIso(t.EntryTime), t.EntryPrice, TimeFormat.ToIso(t.ExitTime), t.ExitPrice,
                t.Quantity, t.Pnl, N(t.PnlPct), t.Fees, t.Funding, Name(t.ExitReason), (t.ExitTime - t.EntryTime) / 1000)).ToArray(),
            Equity(r.Equity),
            r.RejectedOrders.Select(o => new ReportRejectedOrder(TimeFormat.ToIso(o.Time), o.Ticker.ToString(), Side(o.Side), N(o.Quantity), N(o.Price), Name(o.Reason))).ToArray(),
            r.Liquidations.Select(l => new ReportLiquidation(TimeFormat.ToIso(l.Time), l.Ticker.ToString(), Side(l.Side), l.Quantity, l.EntryPrice, l.LiquidationPrice, l.MarginLost)).ToArray(),
            r.OpenPositions.Select(p => new ReportOpenPosition(
                p.Ticker.ToString(), Side(p.Side), TimeFormat.ToIso(p.EntryTime), p.EntryPrice, p.Quantity, p.MarkPrice, p.UnrealizedPnl, p.Fees, p.Funding, N(p.LiquidationPrice))).ToArray(),
            spec.Script);
    }

    /// <summary>
    /// Every metric under its wire name (docs/metrics.md), plus the names HeyTraders clients read
    /// (<c>sharpe_ratio</c>, <c>sortino_ratio</c>, <c>calmar_ratio</c>). Durations are in seconds.
    /// </summary>
    public static IReadOnlyDictionary<string, double?> Metrics(BacktestMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["total_return_pct"] = N(m.TotalReturnPct),
            ["cagr"] = N(m.CagrPct),
            ["buy_and_hold_return_pct"] = N(m.BuyAndHoldReturnPct),
            ["volatility_ann"] = N(m.VolatilityAnnPct),
            ["sharpe"] = N(m.Sharpe),
            ["sortino"] = N(m.Sortino),
            ["calmar"] = N(m.Calmar),
            ["sharpe_ratio"] = N(m.Sharpe),
            ["sortino_ratio"] = N(m.Sortino),
            ["calmar_ratio"] = N(m.Calmar),
            ["max_drawdown"] = N(m.MaxDrawdownPct),
            ["max_drawdown_duration"] = Math.Round(m.MaxDrawdownDuration.TotalSeconds),
            ["avg_drawdown"] = N(m.AvgDrawdownPct),
            ["win_rate"] = N(m.WinRatePct),
            ["num_trades"] = m.NumTrades,
            ["profit_factor"] = N(m.ProfitFactor),
            ["expectancy"] = N(m.Expectancy),
            ["sqn"] = N(m.Sqn),
            ["kelly"] = N(m.Kelly),
            ["exposure_pct"] = N(m.ExposurePct),
            ["avg_trade_pct"] = N(m.AvgTradePct),
            ["best_trade_pct"] = N(m.BestTradePct),
            ["worst_trade_pct"] = N(m.WorstTradePct),
            ["avg_trade_duration"] = Math.Round(m.AvgTradeDuration.TotalSeconds),
            ["fees_paid"] = N(m.FeesPaid),
            ["funding_paid"] = N(m.FundingPaid),
            ["rejected_orders"] = m.RejectedOrders,
            ["liquidations"] = m.Liquidations,
            ["start_equity"] = N(m.StartEquity),
            ["final_equity"] = N(m.FinalEquity),
            ["peak_equity"] = N(m.PeakEquity),
            ["bars"] = m.Bars,
            ["annualization_days"] = m.AnnualizationDays,
            ["periods_per_year"] = N(m.PeriodsPerYear),
            ["return_periods"] = m.ReturnPeriods,
        };
    }

    /// <summary>The equity curve; with <paramref name="maxPoints"/>, an even subsample that keeps the first and last bar and the deepest drawdown bar.</summary>
    public static IReadOnlyList<ReportEquityRow> Equity(EquityCurve curve, int maxPoints = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var indices = Downsample(curve.Count, maxPoints, DeepestDrawdown(curve));
        var rows = new ReportEquityRow[indices.Count];
        for (var k = 0; k < rows.Length; k++)
        {
            var i = indices[k];
            rows[k] = new ReportEquityRow(TimeFormat.ToIso(curve.Time[i]), curve.Equity[i], curve.Cash[i], curve.ExposurePct[i], curve.DrawdownPct[i]);
        }

        return rows;
    }

    /// <summary>Row indices of an even subsample of <paramref name="count"/> rows: exactly <paramref name="maxPoints"/> rows (or all of them), first, last and <paramref name="keep"/> included.</summary>
    public static IReadOnlyList<int> Downsample(int count, int maxPoints, int keep = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (count <= maxPoints)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        // count > maxPoints, so the spacing exceeds one row and the rounded positions are distinct.
        var rows = new int[maxPoints];
        for (var k = 0; k < maxPoints; k++)
        {
            rows[k] = (int)Math.Round(k * (count - 1) / (double)(maxPoints - 1));
        }

        if (maxPoints > 2 && keep > 0 && keep < count - 1 && Array.BinarySearch(rows, keep) < 0)
        {
            // The kept row takes the place of its nearest inner neighbour, so the sample stays maxPoints rows long.
            var k = Math.Clamp((int)Math.Round(keep * (maxPoints - 1) / (double)(count - 1)), 1, maxPoints - 2);
            rows[k] = keep;
            Array.Sort(rows);
        }

        return rows;
    }

    public static void WriteTradesCsv(TextWriter output, IReadOnlyList<ReportTradeRow> trades)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(trades);
        output.WriteLine("ticker,side,entry_time,entry_price,exit_time,exit_price,quantity,pnl,pnl_pct,fees,funding,exit_reason,duration_seconds");
        var line = new StringBuilder();
        foreach (var t in trades)
        {
            line.Clear();
            line.Append(t.Ticker).Append(',').Append(t.Side).Append(',').Append(t.EntryTime).Append(',').Append(F(t.EntryPrice)).Append(',')
                .Append(t.ExitTime).Append(',').Append(F(t.ExitPrice)).Append(',').Append(F(t.Quantity)).Append(',').Append(F(t.Pnl)).Append(',')
                .Append(F(t.PnlPct)).Append(',').Append(F(t.Fees)).Append(',').Append(F(t.Funding)).Append(',').Append(t.ExitReason).Append(',')
                .Append(t.DurationSeconds.ToString(CultureInfo.InvariantCulture));
            output.WriteLine(line);
        }
    }

    public static void WriteEquityCsv(TextWriter output, IReadOnlyList<ReportEquityRow> equity)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(equity);
        output.WriteLine("timestamp,equity,cash,exposure_pct,drawdown_pct");
        foreach (var e in equity)
        {
            output.Write(e.Timestamp);
            output.Write(',');
            output.Write(F(e.Equity));
            output.Write(',');
            output.Write(F(e.Cash));
            output.Write(',');
            output.Write(F(e.ExposurePct));
            output.Write(',');
            output.WriteLine(F(e.DrawdownPct));
        }
    }

    /// <summary>Writes result.json, trades.csv and equity.csv into <paramref name="directory"/> (created if needed), each file whole or not at all.</summary>
    public static async Task WriteDirectoryAsync(string directory, BacktestReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        await WriteAtomicAsync(Path.Combine(directory, "result.json"), w => w.Write(JsonSerializer.Serialize(report, Json)), cancellationToken);
        await WriteAtomicAsync(Path.Combine(directory, "trades.csv"), w => WriteTradesCsv(w, report.Trades), cancellationToken);
        await WriteAtomicAsync(Path.Combine(directory, "equity.csv"), w => WriteEquityCsv(w, report.Equity), cancellationToken);
    }

    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static async Task WriteAtomicAsync(string path, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            write(writer);
            await writer.FlushAsync(cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static Dictionary<string, object?> OptionsOf(BacktestOptions o) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["initial_cash"] = o.InitialCash,
        ["trading_fee"] = o.TradingFee,
        ["slippage"] = o.Slippage,
        ["leverage"] = o.Leverage,
        ["mode"] = Name(o.Mode),
        ["fill"] = o.Fill == FillTiming.NextOpen ? "next-open" : "close",
        ["end_of_data"] = o.EndOfData == EndOfDataPolicy.CloseAtLastClose ? "close-at-last-close" : "keep-open",
        ["lot_step"] = o.LotStep,
        ["start_at_first_tradable_bar"] = o.StartAtFirstTradableBar,
        ["rebalance_band"] = o.RebalanceBand,
        ["maintenance_margin_rate"] = o.MaintenanceMarginRate,
        ["annualization_days"] = o.AnnualizationDays,
        ["risk_free_rate"] = o.RiskFreeRate,
    };

    private static int DeepestDrawdown(EquityCurve curve)
    {
        var deepest = -1;
        var depth = 0.0;
        for (var i = 0; i < curve.Count; i++)
        {
            if (curve.DrawdownPct[i] > depth)
            {
                depth = curve.DrawdownPct[i];
                deepest = i;
            }
        }

        return deepest;
    }

    private static string Side(PositionSide side) => side switch
    {
        PositionSide.Long => "long",
        PositionSide.Short => "short",
        _ => "flat",
    };

    private static double? N(double value) => double.IsFinite(value) ? value : null;

    private static string F(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Converters = { new FiniteDoubleConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
