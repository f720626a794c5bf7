using System.Globalization;
using Tradewind.Core;
using Tradewind.Signals.Compilation;

namespace Tradewind.Signals.Runtime;

/// <summary>One run of a plan over resolved data: the data-length check, then every vector step under the time budget.</summary>
internal static class PlanRunner
{
    /// <summary>Throws TA_OUT_OF_RANGE when some indicator or window cannot produce a single value from the data.</summary>
    public static void CheckHistory(ExecutionPlan plan, ResolvedContext[] contexts)
    {
        HistoryCheck? worst = null;
        foreach (var check in plan.HistoryChecks)
        {
            if (check.BarsNeeded > contexts[check.Context].Count && (worst is null || check.BarsNeeded > worst.Value.BarsNeeded))
            {
                worst = check;
            }
        }

        if (worst is not { } w)
        {
            return;
        }

        var context = contexts[w.Context];
        var text = plan.Script.Text;
        var start = Math.Clamp(w.Span.Start, 0, text.Length);
        var snippet = text.Substring(start, Math.Clamp(w.Span.Length, 0, text.Length - start)).ReplaceLineEndings(" ");
        if (snippet.Length > 60)
        {
            snippet = string.Concat(snippet.AsSpan(0, 57), "...");
        }

        throw new TradewindException(
            ErrorCode.TaOutOfRange,
            string.Create(
                CultureInfo.InvariantCulture,
                $"'{snippet}' (line {w.Span.Line}, column {w.Span.Column}) needs {w.BarsNeeded} bars of {context.Timeframe} data for {context.Ticker}, but only {context.Count} are available."),
            string.Create(
                CultureInfo.InvariantCulture,
                $"Load at least {w.BarsNeeded} bars (an earlier start), or use shorter periods."))
        {
            Details = new Dictionary<string, object?>
            {
                ["bars_needed"] = w.BarsNeeded,
                ["bars_available"] = context.Count,
                ["line"] = w.Span.Line,
                ["column"] = w.Span.Column,
            },
        };
    }

    /// <summary>Runs the steps; returns the frame (caller disposes) and the first bar where every base-context column has a value.</summary>
    public static (ExecutionFrame Frame, int FirstTradableBar) Run(
        ExecutionPlan plan, ResolvedContext[] contexts, bool rentPinned, SignalCompilerOptions options, CancellationToken cancellationToken)
    {
        CheckHistory(plan, contexts);
        var frame = new ExecutionFrame(plan, contexts, rentPinned);
        var firstTradable = 0;
        var clock = options.TimeProvider;
        var budget = options.Limits.EvaluationTimeBudget;
        var deadline = clock.GetTimestamp() + (long)(budget.TotalSeconds * clock.TimestampFrequency);
        try
        {
            var tradable = plan.TradableByStep;
            frame.Run(
                tradable.Count == 0 ? null : s =>
                {
                    if (tradable.TryGetValue(s, out var checks))
                    {
                        foreach (var check in checks)
                        {
                            firstTradable = Math.Max(firstTradable, FirstValue(frame, check));
                        }
                    }
                },
                deadline,
                clock,
                budget,
                cancellationToken);
        }
        catch
        {
            frame.Dispose();
            throw;
        }

        return (frame, Math.Min(firstTradable, contexts[0].Count));
    }

    private static int FirstValue(ExecutionFrame frame, TradableCheck check)
    {
        if (check.IsBool)
        {
            return check.WarmUp;
        }

        var column = frame.Input(check.Slot);
        var i = 0;
        while (i < column.Length && double.IsNaN(column[i]))
        {
            i++;
        }

        return Math.Max(i, check.WarmUp);
    }
}
