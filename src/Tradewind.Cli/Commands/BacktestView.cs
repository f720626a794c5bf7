using System.Globalization;
using Spectre.Console;
using Tradewind.Research.Reports;

namespace Tradewind.Cli.Commands;

/// <summary>
/// The backtest report as tables: a headline, the metrics grouped as docs/metrics.md groups them (returns, risk,
/// trades, costs) under their wire names, and one row per ticker.
/// </summary>
internal static class BacktestView
{
    private enum Unit
    {
        Percent,
        Ratio,
        Money,
        Count,
        Duration,
    }

    private static readonly (string Group, (string Name, Unit Unit)[] Metrics)[] Groups =
    [
        ("returns", [("start_equity", Unit.Money), ("final_equity", Unit.Money), ("total_return_pct", Unit.Percent), ("cagr", Unit.Percent), ("buy_and_hold_return_pct", Unit.Percent)]),
        ("risk", [("volatility_ann", Unit.Percent), ("sharpe", Unit.Ratio), ("sortino", Unit.Ratio), ("calmar", Unit.Ratio), ("max_drawdown", Unit.Percent), ("max_drawdown_duration", Unit.Duration), ("avg_drawdown", Unit.Percent)]),
        ("trades", [
            ("num_trades", Unit.Count), ("win_rate", Unit.Percent), ("profit_factor", Unit.Ratio), ("expectancy", Unit.Money), ("sqn", Unit.Ratio), ("kelly", Unit.Ratio),
            ("exposure_pct", Unit.Percent), ("avg_trade_pct", Unit.Percent), ("best_trade_pct", Unit.Percent), ("worst_trade_pct", Unit.Percent), ("avg_trade_duration", Unit.Duration),
        ]),
        ("costs", [("fees_paid", Unit.Money), ("funding_paid", Unit.Money), ("rejected_orders", Unit.Count), ("liquidations", Unit.Count)]),
    ];

    public static void Write(IAnsiConsole console, BacktestReport report)
    {
        var s = report.Summary;
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]Backtest[/] {Markup.Escape(string.Join(", ", s.Universe))} {s.Timeframe} {Day(s.StartDate)} .. {Day(s.EndDate)} ({s.Mode}): {s.Bars} bars"));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]The script reads {s.WarmUpBars} bar(s) of history: warm-up, loaded before the start where the data has it.[/]"));
        console.Write(Metrics(report));
        console.Write(PerTicker(report, console.Profile.Width));
        var annualization = report.Metrics.TryGetValue("annualization_days", out var days) ? ResearchFormat.Count(days) : "na";
        console.MarkupLine($"[grey]Annualised over {annualization} days a year; durations are d/h/m; money is in the quote currency. docs/metrics.md defines every metric.[/]");
        if (s.RejectedOrders > 0)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[yellow]{s.RejectedOrders} order(s) were rejected[/] (not enough cash or below the lot step/minimums); result.json lists each with its reason (--out or --json)."));
        }

        if (s.Liquidations > 0)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[red]{s.Liquidations} position(s) were liquidated.[/]"));
        }

        if (report.OpenPositions.Count > 0)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{report.OpenPositions.Count} position(s) were still open at the end (valued at the last close)."));
        }
    }

    /// <summary>A date alone when the time is midnight, so the headline stays on one line.</summary>
    private static string Day(string iso) => iso.EndsWith("T00:00:00Z", StringComparison.Ordinal) ? iso[..10] : iso;

    private static Table Metrics(BacktestReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("group", "metric", "value");
        table.Columns[2].RightAligned();
        var noTrades = report.Summary.NumTrades == 0;
        for (var g = 0; g < Groups.Length; g++)
        {
            var (group, metrics) = Groups[g];
            if (g > 0)
            {
                table.AddEmptyRow();
            }

            for (var i = 0; i < metrics.Length; i++)
            {
                var (name, unit) = metrics[i];
                var value = report.Metrics.TryGetValue(name, out var v) ? v : null;
                // Without trades the engine's average duration is 0, which reads as "instant trades" rather than "none".
                var text = noTrades && name == "avg_trade_duration" ? "na" : Format(value, unit);
                table.AddRow(i == 0 ? $"[bold]{group}[/]" : string.Empty, name, text);
            }
        }

        return table;
    }

    /// <summary>
    /// One row per ticker; funding, rejections and liquidations get columns only when some ticker has them. When the
    /// table would not fit the console and there are few tickers, it is turned on its side (one column per ticker).
    /// </summary>
    private static Table PerTicker(BacktestReport report, int width)
    {
        var rows = report.PerTicker;
        var funding = rows.Any(t => t.FundingPaid != 0);
        var rejected = rows.Any(t => t.RejectedOrders != 0);
        var liquidations = rows.Any(t => t.Liquidations != 0);
        var headers = new List<string> { "ticker", "equity", "return", "b&h", "max dd", "trades", "win", "fees" };
        if (funding)
        {
            headers.Add("funding");
        }

        if (rejected)
        {
            headers.Add("rejected");
        }

        if (liquidations)
        {
            headers.Add("liq.");
        }

        var cells = new List<List<string>>(rows.Count);
        foreach (var t in rows)
        {
            var row = new List<string>
            {
                t.Ticker,
                ResearchFormat.Money(t.FinalEquity),
                ResearchFormat.Percent(t.ReturnPct),
                ResearchFormat.Percent(t.BuyAndHoldReturnPct),
                ResearchFormat.Percent(t.MaxDrawdown),
                t.NumTrades.ToString(CultureInfo.InvariantCulture),
                ResearchFormat.Percent(t.WinRate),
                ResearchFormat.Money(t.FeesPaid),
            };
            if (funding)
            {
                row.Add(ResearchFormat.Money(t.FundingPaid));
            }

            if (rejected)
            {
                row.Add(t.RejectedOrders.ToString(CultureInfo.InvariantCulture));
            }

            if (liquidations)
            {
                row.Add(t.Liquidations.ToString(CultureInfo.InvariantCulture));
            }

            cells.Add(row);
        }

        var needed = 1;
        for (var c = 0; c < headers.Count; c++)
        {
            var widest = headers[c].Length;
            foreach (var row in cells)
            {
                widest = Math.Max(widest, row[c].Length);
            }

            needed += widest + 3;
        }

        var sideways = needed > width && rows.Count <= 6;
        var table = new Table().Border(TableBorder.Rounded);
        if (sideways)
        {
            table.AddColumn(string.Empty);
            foreach (var row in cells)
            {
                table.AddColumn(new TableColumn(Markup.Escape(row[0])).RightAligned());
            }

            for (var c = 1; c < headers.Count; c++)
            {
                var line = new List<string>(cells.Count + 1) { headers[c] };
                foreach (var row in cells)
                {
                    line.Add(row[c]);
                }

                table.AddRow([.. line.Select(Markup.Escape)]);
            }

            return table;
        }

        table.AddColumns([.. headers]);
        table.Columns[0].NoWrap();
        for (var c = 1; c < table.Columns.Count; c++)
        {
            table.Columns[c].RightAligned();
        }

        foreach (var row in cells)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        return table;
    }

    private static string Format(double? value, Unit unit) => unit switch
    {
        Unit.Percent => ResearchFormat.Percent(value),
        Unit.Ratio => ResearchFormat.Ratio(value),
        Unit.Money => ResearchFormat.Money(value),
        Unit.Count => ResearchFormat.Count(value),
        _ => ResearchFormat.Duration(value),
    };
}
