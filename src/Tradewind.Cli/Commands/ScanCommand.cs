using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Core;
using Tradewind.Research;
using Tradewind.Signals;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind scan</c>: evaluates a DSL condition on the latest bar of every ticker in a universe and prints the
/// tickers where it holds, with a row per ticker (its values, last close, bar time, or why it has no value).
/// </summary>
internal static class ScanCommand
{
    /// <summary>The most tickers one scan or rank reads.</summary>
    public const int MaxTickers = 500;

    public static Command Build(IAnsiConsole console)
    {
        var condition = new Option<string?>("--condition", "-c")
        {
            Description = "A true/false DSL expression evaluated at each ticker's latest bar, e.g. \"rsi(close, 14)[-1] < 30\".",
            HelpName = "expr",
        };
        var research = new ResearchOptions();
        var bars = Bars();
        var at = At();
        var cmd = new Command("scan", "List the tickers of a universe where a condition holds on the latest bar (exit 0 also when none match).") { condition };
        research.AddTo(cmd);
        cmd.Options.Add(bars);
        cmd.Options.Add(at);
        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                var expression = CompileExpression(parse.GetValue(condition), "--condition", "\"rsi(close, 14)[-1] < 30\"");
                if (!expression.IsBoolean)
                {
                    ThrowHelper.Throw(
                        ErrorCode.ValidationError,
                        $"--condition \"{expression.Source}\" is a number, not true/false.",
                        "Compare it, e.g. \"rsi(close, 14)[-1] < 30\"; to order tickers by a number use `tradewind rank --expression`.");
                }

                var barCount = ResearchOptions.ParseInt(parse.GetValue(bars), "--bars", "500");
                var asOf = ParseAt(parse.GetValue(at));
                using var session = await ResearchSession.OpenAsync("scan", research.Read(parse, MaxTickers), asOf, ct);
                var screener = new Screener(session.Data);
                var rows = await ResearchConsole.WithStatusAsync(
                    console,
                    string.Create(CultureInfo.InvariantCulture, $"scanning {session.Universe.Count} ticker(s) on {session.Timeframe} ..."),
                    () => screener.ScanAsync(expression, session.Universe, session.Timeframe, barCount, ct));

                var matched = rows.Where(r => r.Matched).Select(r => r.Ticker.ToString()).ToList();
                console.MarkupLine(matched.Count == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"[yellow]No ticker matched[/] {Markup.Escape(expression.Source)} ({rows.Count} scanned, {session.Timeframe}).")
                    : string.Create(CultureInfo.InvariantCulture, $"[green]{matched.Count} of {rows.Count} matched[/] {Markup.Escape(expression.Source)} ({session.Timeframe}): {Markup.Escape(string.Join(", ", matched))}"));

                var table = new Table().Border(TableBorder.Rounded).AddColumns("ticker", "matched");
                foreach (var name in expression.OutputNames)
                {
                    table.AddColumn(Markup.Escape(name));
                }

                table.AddColumns("last close", "bar (open time)", "error");
                table.Columns[0].NoWrap();
                table.Columns[^2].NoWrap();
                foreach (var row in rows)
                {
                    var cells = new List<string> { row.Ticker.ToString(), row.Error is null ? (row.Matched ? "yes" : "no") : "-" };
                    for (var i = 0; i < expression.OutputNames.Count; i++)
                    {
                        cells.Add(i < row.Values.Count ? ResearchFormat.Value(row.Values[i], expression.IsBoolean) : "-");
                    }

                    cells.Add(row.Error is null ? ResearchFormat.Price(row.LastClose) : "-");
                    cells.Add(ResearchFormat.Time(row.LastBarTime));
                    cells.Add(row.Error is null ? string.Empty : Why(row));
                    table.AddRow(cells.Select(Markup.Escape).ToArray());
                }

                console.Write(table);
                return AllFailed(console, rows);
            },
            ct));
        return cmd;
    }

    internal static Option<string?> Bars() => new("--bars")
    {
        Description = $"Bars to load per ticker (default {Screener.DefaultBars}, or more when the expression needs them to warm up; at most {Screener.MaxBars}).",
        HelpName = "n",
    };

    internal static Option<string?> At() => new("--at")
    {
        Description = "Evaluate as of this UTC time (YYYY-MM-DD or ISO 8601): the latest bars are those closed by then. Default: now. Store only.",
        HelpName = "date",
    };

    internal static long? ParseAt(string? text) => text is null ? null : TimeFormat.ParseUtc(text, "--at");

    /// <summary>Compiles a one-expression option; all diagnostics come back at once with their line and column.</summary>
    internal static CompiledExpression CompileExpression(string? text, string option, string example)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"{option} is required.", $"Example: {option} {example}. docs/signal-dsl.md lists every name.");
        }

        return SignalCompiler.CompileExpression(text!).GetValueOrThrow();
    }

    /// <summary>Why a row has no value: its error, or na (still warming up, or missing data at the latest bar).</summary>
    internal static string Why(ScreenRow row) => row.Error is { } e
        ? $"{e.Code}: {e.Message}"
        : "the value is na at the latest bar (still warming up, or missing data); try more --bars";

    /// <summary>Exit 0 when at least one ticker was evaluated; when every one failed the universe itself is wrong, so exit 2 with the first reason.</summary>
    internal static int AllFailed(IAnsiConsole console, IReadOnlyList<ScreenRow> rows)
    {
        if (rows.Count == 0 || rows.Any(r => r.Error is null))
        {
            return CommandRunner.Ok;
        }

        var first = rows[0].Error!;
        CommandRunner.WriteError(console, first.Code, $"No ticker could be evaluated; the first: {first.Message}", first.Suggestion);
        return CommandRunner.DomainError;
    }
}
