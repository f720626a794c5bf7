using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tradewind.Backtesting;
using Tradewind.Core;
using Tradewind.Research;
using Tradewind.Research.Reports;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind backtest</c>: runs a strategy script over a universe and period, prints the metrics and a per-ticker
/// table (or the report as JSON), and with <c>--out</c> writes result.json, trades.csv and equity.csv.
/// </summary>
internal static class BacktestCommand
{
    // BacktestOptions and BacktestSpec name fields by their wire names; on the command line the user typed flags.
    private static readonly (string Wire, string Flag)[] FlagNames =
    [
        ("'initial_cash'", "--initial-cash"),
        ("'trading_fee'", "--fee"),
        ("'slippage'", "--slippage"),
        ("'leverage'", "--leverage"),
        ("'lot_step'", "--lot-step"),
        ("'start_date'", "--from"),
        ("'end_date'", "--to"),
        ("'universe'", "--universe"),
    ];

    public static Command Build(IAnsiConsole console)
    {
        var script = new Option<string?>("--script", "-f") { Description = "The strategy script file (Signal DSL).", HelpName = "file" };
        var inline = new Option<string?>("--inline", "-i")
        {
            Description = "The strategy script as text, e.g. \"emit_signal(crossover(sma(close, 10), sma(close, 30)), entry(\\\"LONG\\\", Weight(1)))\".",
            HelpName = "script",
        };
        var research = new ResearchOptions();
        var from = CommonOptions.From(required: false);
        from.Description = "Start (inclusive), UTC: YYYY-MM-DD or ISO 8601. Warm-up bars are loaded before it. With --data: default the file's first bar.";
        var to = CommonOptions.To(required: false);
        to.Description = "End (exclusive), UTC: YYYY-MM-DD or ISO 8601. Default: the current bar (the store) or the end of the file (--data).";
        var mode = new Option<string?>("--mode") { Description = "isolated (each ticker its own share of the cash; default) or cross (one shared account).", HelpName = "isolated|cross" };
        var fee = new Option<string?>("--fee") { Description = "Fee per fill as a fraction of its value (default 0.0005 = 0.05%).", HelpName = "fraction" };
        var slippage = new Option<string?>("--slippage") { Description = "Adverse price move per market fill as a fraction (default 0.0005 = 0.05%).", HelpName = "fraction" };
        var leverage = new Option<string?>("--leverage") { Description = "1-100, perpetuals only (spot always trades at 1). Default 1.", HelpName = "x" };
        var initialCash = new Option<string?>("--initial-cash") { Description = "Starting cash in the quote currency (default 10000; split equally across tickers in isolated mode).", HelpName = "amount" };
        var fill = new Option<string?>("--fill") { Description = "next-open (a signal at a bar's close fills at the next open; default) or close.", HelpName = "next-open|close" };
        var lotStep = new Option<string?>("--lot-step") { Description = "Round every quantity down to this step (1 = whole units). Default: each instrument's own.", HelpName = "step" };
        var output = new Option<string?>("--out", "-o") { Description = "Write result.json, trades.csv and equity.csv into this directory (created if needed).", HelpName = "dir" };
        var json = new Option<bool>("--json") { Description = "Print the report (the content of result.json) as JSON instead of tables." };
        var cmd = new Command("backtest", "Backtest a strategy script over a universe and period, on the store (sim by default) or a candle file.") { script, inline };
        research.AddTo(cmd);
        foreach (var option in new Option[] { from, to, mode, fee, slippage, leverage, initialCash, fill, lotStep, output, json })
        {
            cmd.Options.Add(option);
        }

        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                var source = await ReadScriptAsync(parse.GetValue(script), parse.GetValue(inline), ct);
                var options = new BacktestOptions
                {
                    Mode = ResearchOptions.ParseChoice(parse.GetValue(mode), "--mode", BacktestMode.Isolated, ("isolated", BacktestMode.Isolated), ("cross", BacktestMode.Cross)),
                    Fill = ResearchOptions.ParseChoice(parse.GetValue(fill), "--fill", FillTiming.NextOpen, ("next-open", FillTiming.NextOpen), ("close", FillTiming.Close)),
                    TradingFee = ResearchOptions.ParseDouble(parse.GetValue(fee), "--fee", "0.001") ?? BacktestOptions.Default.TradingFee,
                    Slippage = ResearchOptions.ParseDouble(parse.GetValue(slippage), "--slippage", "0.0005") ?? BacktestOptions.Default.Slippage,
                    Leverage = ResearchOptions.ParseInt(parse.GetValue(leverage), "--leverage", "3") ?? BacktestOptions.Default.Leverage,
                    InitialCash = ResearchOptions.ParseDouble(parse.GetValue(initialCash), "--initial-cash", "10000") ?? BacktestOptions.Default.InitialCash,
                    LotStep = ResearchOptions.ParseDouble(parse.GetValue(lotStep), "--lot-step", "0.001"),
                };
                WithFlagNames(options.Validate);

                using var session = await ResearchSession.OpenAsync("backtest", research.Read(parse, BacktestSpec.MaxTickers), null, ct);
                var (fromMs, toMs) = Period(session, parse.GetValue(from), parse.GetValue(to));
                var spec = new BacktestSpec(source.Text, session.Universe, session.Timeframe, fromMs, toMs, options);
                WithFlagNames(() => spec.Validate());
                var quiet = parse.GetValue(json);
                BacktestRun run;
                try
                {
                    run = await RunAsync(console, new StrategyBacktester(session.Data), spec, live: !quiet && ResearchConsole.IsLive(console), ct);
                }
                catch (TradewindException e) when (e.Code == ErrorCode.ValidationError)
                {
                    throw WithFlagNames(e);
                }

                var report = BacktestReports.Build(run);
                var outDir = parse.GetValue(output);
                if (outDir is not null)
                {
                    await BacktestReports.WriteDirectoryAsync(outDir, report, ct);
                }

                if (quiet)
                {
                    var writer = console.Profile.Out.Writer;
                    await writer.WriteLineAsync(JsonSerializer.Serialize(report, BacktestReports.Json));
                    await writer.FlushAsync(ct);
                    return CommandRunner.Ok;
                }

                BacktestView.Write(console, report);
                if (outDir is not null)
                {
                    console.MarkupLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"[green]Wrote[/] result.json, trades.csv ({report.Trades.Count} trades) and equity.csv ({report.Equity.Count} bars) to {Markup.Escape(Path.GetFullPath(outDir))}."));
                }

                return CommandRunner.Ok;
            },
            ct));
        return cmd;
    }

    /// <summary>The script from exactly one of --script and --inline. Compile errors name the file, and each diagnostic its line and column.</summary>
    private static async Task<(string Text, string? Path)> ReadScriptAsync(string? path, string? inline, CancellationToken ct)
    {
        if (path is not null && inline is not null)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, "--script and --inline both give the strategy; give one.", "Use --script FILE for a script file, or --inline \"...\" for a one-liner.");
        }

        if (path is null && inline is null)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                "backtest needs a strategy: --script FILE or --inline \"...\".",
                "Example: --inline \"emit_signal(crossover(sma(close, 10), sma(close, 30)), entry(\\\"LONG\\\", Weight(1)))\"");
        }

        string text;
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                ThrowHelper.Throw(
                    ErrorCode.ValidationError,
                    $"--script {path}: no such file.",
                    Directory.Exists(path) ? "That is a directory; name the script file inside it." : $"Check the path (relative paths start at {Environment.CurrentDirectory}).");
            }

            text = await File.ReadAllTextAsync(path, ct);
        }
        else
        {
            text = inline!;
        }

        try
        {
            StrategyBacktester.Compile(text);
        }
        catch (TradewindException e) when (path is not null && e.Code == ErrorCode.ValidationError)
        {
            throw new TradewindException(e.Code, $"{path}: {e.Message}", e.Suggestion, e) { Details = e.Details };
        }

        return (text, path);
    }

    private static (long From, long To) Period(ResearchSession session, string? fromText, string? toText)
    {
        var candles = session.File?.Candles;
        long fromMs;
        if (fromText is not null)
        {
            fromMs = TimeFormat.ParseUtc(fromText, "--from");
        }
        else if (candles is { Count: > 0 })
        {
            fromMs = candles.Time[0];
        }
        else
        {
            fromMs = ThrowHelper.Throw<long>(
                ErrorCode.ValidationError,
                "backtest needs --from when reading the store.",
                "Example: --from 2024-01-01 --to 2024-07-01 (UTC; --to is exclusive).");
        }

        var toMs = toText is not null ? TimeFormat.ParseUtc(toText, "--to")
            : candles is { Count: > 0 } ? session.Timeframe.Next(candles.Time[^1])
            : session.Timeframe.Floor(session.Data.NowMs);
        return (fromMs, toMs);
    }

    private static async Task<BacktestRun> RunAsync(IAnsiConsole console, StrategyBacktester backtester, BacktestSpec spec, bool live, CancellationToken ct)
    {
        if (!live)
        {
            return await backtester.RunAsync(spec, null, ct);
        }

        BacktestRun? run = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("backtest", maxValue: 1.0);
                run = await backtester.RunAsync(spec, new TaskProgress(task), ct);
                task.Value = 1.0;
            });
        return run!;
    }

    private static void WithFlagNames(Action validate)
    {
        try
        {
            validate();
        }
        catch (TradewindException e) when (e.Code == ErrorCode.ValidationError)
        {
            throw WithFlagNames(e);
        }
    }

    private static TradewindException WithFlagNames(TradewindException e)
    {
        var message = e.Message;
        foreach (var (wire, flag) in FlagNames)
        {
            message = message.Replace(wire, flag, StringComparison.Ordinal);
        }

        var suggestion = e.Suggestion?
            .Replace("docs/backtesting.md lists", "`tradewind backtest --help` and docs/backtesting.md list", StringComparison.Ordinal)
            .Replace("start_date", "--from", StringComparison.Ordinal)
            .Replace("end_date", "--to", StringComparison.Ordinal)
            .Replace("Use leverage 1", "Drop --leverage", StringComparison.Ordinal);
        return new TradewindException(e.Code, message, suggestion, e) { Details = e.Details };
    }

    /// <summary>
    /// Reports straight into the bar (no synchronization context hop, so the last report lands before the bar closes).
    /// Loading runs in parallel, so reports can arrive out of order; the bar never moves back.
    /// </summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value)
        {
            var clamped = Math.Clamp(value, 0, 1);
            if (clamped > task.Value)
            {
                task.Value = clamped;
            }
        }
    }
}
