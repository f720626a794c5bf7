using System.Globalization;
using System.Text;
using Tradewind.Research.Reports;

namespace Tradewind.Server.Backtests;

/// <summary>
/// A rule-based reading of a backtest's metrics, used when no language model is configured: the same report always
/// gives the same text. Each finding names the numbers it is based on, so a reader can check it.
/// </summary>
internal static class DeterministicAnalysis
{
    public static (string Text, IReadOnlyList<AnalysisFinding> Findings) Analyze(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Metrics;
        var findings = new List<AnalysisFinding>();
        var ret = Get(m, "total_return_pct");
        var hold = Get(m, "buy_and_hold_return_pct");
        var drawdown = Get(m, "max_drawdown");
        var sharpe = Get(m, "sharpe");
        var trades = (int)(Get(m, "num_trades") ?? 0);
        var winRate = Get(m, "win_rate");
        var profitFactor = Get(m, "profit_factor");
        var fees = Get(m, "fees_paid") ?? 0;
        var funding = Get(m, "funding_paid") ?? 0;
        var start = Get(m, "start_equity") ?? report.Summary.InitialCash;
        var exposure = Get(m, "exposure_pct");

        // Return against simply holding the universe over the same period.
        if (ret is { } r)
        {
            if (hold is { } h)
            {
                var edge = r - h;
                findings.Add(new AnalysisFinding(
                    "return",
                    edge > 1 ? (r > 0 ? "positive" : "neutral") : edge < -1 ? "negative" : "neutral",
                    edge > 1 && r <= 0
                        ? F($"The strategy lost {-r:0.##}%, but that is {edge:0.##} points better than buying and holding ({h:0.##}%).")
                        : edge > 1
                        ? F($"The strategy returned {r:0.##}%, {edge:0.##} points more than buying and holding ({h:0.##}%).")
                        : edge < -1
                            ? F($"The strategy returned {r:0.##}%, {-edge:0.##} points less than buying and holding ({h:0.##}%): holding would have done better.")
                            : F($"The strategy returned {r:0.##}%, about the same as buying and holding ({h:0.##}%).")));
            }
            else
            {
                findings.Add(new AnalysisFinding("return", r > 0 ? "positive" : r < 0 ? "negative" : "neutral", F($"The strategy returned {r:0.##}%.")));
            }
        }

        if (drawdown is { } dd)
        {
            var ratio = ret is { } rr && dd > 0 ? rr / dd : (double?)null;
            var assessment = dd >= 30 ? "negative" : dd >= 15 ? "warning" : ret is > 0 ? "positive" : "neutral";
            var text = F($"The deepest drawdown was {dd:0.##}% of equity");
            text += dd >= 30 ? " — deep enough that most traders would abandon the strategy before it recovered." : dd >= 15 ? ", a notable loss from a peak." : ", moderate.";
            if (ratio is { } x)
            {
                text += F($" Return per unit of drawdown: {x:0.##}.");
            }

            findings.Add(new AnalysisFinding("drawdown", assessment, text));
        }

        if (sharpe is { } s)
        {
            var (assessment, reading) = s switch
            {
                >= 2 => ("positive", "strong; check it is not the result of very few trades or a short period"),
                >= 1 => ("positive", "good"),
                >= 0.5 => ("neutral", "modest"),
                >= 0 => ("warning", "weak, the return barely compensates its volatility"),
                _ => ("negative", "negative, the strategy lost money relative to its risk"),
            };
            var text = F($"Sharpe ratio {s:0.##}: {reading}.");
            if (Get(m, "sortino") is { } so)
            {
                text += F($" Sortino {so:0.##}.");
            }

            findings.Add(new AnalysisFinding("risk_adjusted_return", assessment, text));
        }

        if (trades == 0)
        {
            findings.Add(new AnalysisFinding("trades", "warning", "The strategy made no closed trades: its entry conditions never held in this period, or positions stayed open. Check the script's conditions and the period."));
        }
        else
        {
            var text = F($"{trades} closed trades");
            if (winRate is { } w)
            {
                text += F($", {w:0.#}% of them winners");
            }

            if (profitFactor is { } pf)
            {
                text += F($"; profit factor {pf:0.##} (gross profit / gross loss)");
            }

            text += ".";
            var assessment = "neutral";
            if (trades < 10)
            {
                text += " Fewer than 10 trades is too few to tell skill from luck; test a longer period or more tickers.";
                assessment = "warning";
            }
            else if (profitFactor is { } pf2)
            {
                assessment = pf2 >= 1.5 ? "positive" : pf2 < 1 ? "negative" : "neutral";
            }

            findings.Add(new AnalysisFinding("trades", assessment, text));
        }

        var costs = fees + funding;
        if (costs != 0 && start > 0)
        {
            var costPct = costs / start * 100;
            var pnl = (Get(m, "final_equity") ?? start) - start;
            var gross = pnl + costs;
            var text = F($"Fees ({fees:0.##}) and funding ({funding:0.##}) cost {costPct:0.##}% of the starting equity");
            var assessment = costPct >= 5 ? "warning" : "neutral";
            if (gross > 0 && costs > 0)
            {
                text += F($", {costs / gross * 100:0.#}% of the gross profit");
                if (costs / gross >= 0.5)
                {
                    assessment = "warning";
                    text += ": costs eat most of the edge; trade less often or model lower fees only if the venue really charges them";
                }
            }
            else if (gross <= 0 && costs > 0)
            {
                text += "; the strategy lost money before costs too";
            }

            findings.Add(new AnalysisFinding("costs", assessment, text + "."));
        }

        if (exposure is { } e)
        {
            findings.Add(new AnalysisFinding(
                "exposure",
                "neutral",
                F($"Capital was in the market {e:0.#}% of the time.") + (e < 10 ? " Returns come from few, short positions." : string.Empty)));
        }

        var rejected = report.Summary.RejectedOrders;
        if (rejected > 0)
        {
            findings.Add(new AnalysisFinding(
                "rejected_orders",
                "warning",
                F($"{rejected} orders were rejected (below the venue's minimum size or notional, or not enough cash/margin). The backtest did not trade what the script asked for; raise initial_cash, lower the number of tickers, or check lot_step.")));
        }

        var liquidations = report.Summary.Liquidations;
        if (liquidations > 0)
        {
            findings.Add(new AnalysisFinding(
                "liquidations",
                "negative",
                F($"{liquidations} positions were liquidated: leverage {Option(report, "leverage")} is too high for this strategy's swings. Lower the leverage or add a stop.")));
        }

        if (report.OpenPositions.Count > 0)
        {
            findings.Add(new AnalysisFinding(
                "open_positions",
                "neutral",
                F($"{report.OpenPositions.Count} positions were still open at the end and are valued at the last price (end_of_data keep-open).")));
        }

        return (Render(report, findings), findings);
    }

    private static string Render(BacktestReport report, List<AnalysisFinding> findings)
    {
        var s = report.Summary;
        var text = new StringBuilder();
        text.Append(F($"Backtest of {string.Join(", ", s.Universe)} on {s.Timeframe} bars from {s.StartDate} to {s.EndDate} ({s.Mode} mode, {s.Bars} bars)."));
        text.Append('\n');
        foreach (var f in findings)
        {
            text.Append("\n- ").Append(f.Text);
        }

        var negatives = findings.Count(f => f.Assessment == "negative");
        var positives = findings.Count(f => f.Assessment == "positive");
        var warnings = findings.Count(f => f.Assessment == "warning");
        text.Append("\n\n");
        text.Append(negatives > positives
            ? "Overall: the results do not support trading this strategy as it stands."
            : positives > negatives + warnings
                ? "Overall: the results are encouraging; confirm them on another period (out of sample) before trusting them."
                : "Overall: mixed results; address the warnings above and test another period before drawing conclusions.");
        text.Append(" This is a rule-based reading of the metrics, not investment advice.");
        return text.ToString();
    }

    private static string Option(BacktestReport report, string name) =>
        report.Options.TryGetValue(name, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?" : "?";

    private static double? Get(IReadOnlyDictionary<string, double?> metrics, string name) =>
        metrics.TryGetValue(name, out var v) && v is { } x && double.IsFinite(x) ? x : null;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
