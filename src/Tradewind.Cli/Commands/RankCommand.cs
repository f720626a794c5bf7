using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Core;
using Tradewind.Research;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind rank</c>: scores every ticker of a universe with a DSL expression at its latest bar and prints them
/// best first, then the tickers that have no score and why.
/// </summary>
internal static class RankCommand
{
    public const int DefaultLimit = 20;

    public static Command Build(IAnsiConsole console)
    {
        var expression = new Option<string?>("--expression", "--expr", "-x")
        {
            Description = "A numeric DSL expression; its first output at the latest bar is the score, e.g. \"roc(close, 24)\".",
            HelpName = "expr",
        };
        var order = new Option<string?>("--order")
        {
            Description = "desc (highest score first, the default) or asc.",
            HelpName = "desc|asc",
        };
        var limit = new Option<string?>("--limit", "-n")
        {
            Description = $"How many ranked tickers to print (default {DefaultLimit}).",
            HelpName = "n",
        };
        var research = new ResearchOptions();
        var bars = ScanCommand.Bars();
        var at = ScanCommand.At();
        var cmd = new Command("rank", "Rank the tickers of a universe by an expression's value at the latest bar.") { expression, order, limit };
        research.AddTo(cmd);
        cmd.Options.Add(bars);
        cmd.Options.Add(at);
        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                var compiled = ScanCommand.CompileExpression(parse.GetValue(expression), "--expression", "\"roc(close, 24)\"");
                var descending = ResearchOptions.ParseChoice(parse.GetValue(order), "--order", true, ("desc", true), ("asc", false));
                var top = ResearchOptions.ParseInt(parse.GetValue(limit), "--limit", "10") ?? DefaultLimit;
                if (top < 1)
                {
                    ThrowHelper.Throw(ErrorCode.ValidationError, string.Create(CultureInfo.InvariantCulture, $"--limit {top} must be at least 1."), "Example: --limit 10.");
                }

                var barCount = ResearchOptions.ParseInt(parse.GetValue(bars), "--bars", "500");
                var asOf = ScanCommand.ParseAt(parse.GetValue(at));
                using var session = await ResearchSession.OpenAsync("rank", research.Read(parse, ScanCommand.MaxTickers), asOf, ct);
                var screener = new Screener(session.Data);
                var (ranked, unranked) = await ResearchConsole.WithStatusAsync(
                    console,
                    string.Create(CultureInfo.InvariantCulture, $"ranking {session.Universe.Count} ticker(s) on {session.Timeframe} ..."),
                    () => screener.RankAsync(compiled, session.Universe, session.Timeframe, descending, top, barCount, ct));

                console.MarkupLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Ranked by {Markup.Escape(compiled.Source)} ({(descending ? "highest" : "lowest")} first, {session.Timeframe}): {ranked.Count} shown, {unranked.Count} without a score."));
                var table = new Table().Border(TableBorder.Rounded).AddColumns("rank", "ticker", "score", "price", "bar (open time)");
                for (var i = 0; i < ranked.Count; i++)
                {
                    var row = ranked[i];
                    table.AddRow(
                        (i + 1).ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(row.Ticker.ToString()),
                        ResearchFormat.Value(row.Value, compiled.IsBoolean),
                        ResearchFormat.Price(row.LastClose),
                        ResearchFormat.Time(row.LastBarTime));
                }

                console.Write(table);
                if (unranked.Count > 0)
                {
                    console.MarkupLine("[yellow]Unranked[/]:");
                    var why = new Table().Border(TableBorder.Rounded).AddColumns("ticker", "why");
                    foreach (var row in unranked)
                    {
                        why.AddRow(Markup.Escape(row.Ticker.ToString()), Markup.Escape(ScanCommand.Why(row)));
                    }

                    console.Write(why);
                }

                return ScanCommand.AllFailed(console, [.. ranked, .. unranked]);
            },
            ct));
        return cmd;
    }
}
