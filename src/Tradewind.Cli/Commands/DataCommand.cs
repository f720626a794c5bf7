using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.MarketData.Import;

namespace Tradewind.Cli.Commands;

/// <summary><c>tradewind data fetch | import | export | list | inspect</c>: the candle store from the command line.</summary>
internal static class DataCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var command = new Command("data", "Fetch, import, export and inspect candles in the local store.");
        command.Subcommands.Add(Fetch(console));
        command.Subcommands.Add(Import(console));
        command.Subcommands.Add(Export(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Inspect(console));
        return command;
    }

    private static Command Fetch(IAnsiConsole console)
    {
        var exchange = CommonOptions.Exchange(required: false);
        var symbol = CommonOptions.Symbol();
        var timeframe = CommonOptions.Timeframe();
        var from = CommonOptions.From();
        var to = CommonOptions.To(required: false);
        to.Description = "End (exclusive), UTC: YYYY-MM-DD or ISO 8601. Default: now (only closed bars are stored).";
        var dataDir = CommonOptions.DataDir();
        var baseUrl = new Option<string?>("--base-url") { Description = "Override the venue's API base URL (testnet, proxy).", HelpName = "url" };
        var cmd = new Command(
            "fetch",
            "Fetch candles into the store. Only the part of the range the store lacks is downloaded; running it again fetches nothing.")
        {
            exchange, symbol, timeframe, from, to, dataDir, baseUrl,
        };
        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                var ticker = CommonOptions.ResolveTicker(parse.GetRequiredValue(symbol), parse.GetValue(exchange));
                var tf = Core.Timeframe.Parse(parse.GetRequiredValue(timeframe));
                var fromMs = TimeFormat.ParseUtc(parse.GetRequiredValue(from), "--from");
                var toText = parse.GetValue(to);
                var toMs = toText is null ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() : TimeFormat.ParseUtc(toText, "--to");
                RequireOrdered(fromMs, toMs);
                using var session = MarketDataSession.Open(parse.GetValue(dataDir), MarketDataSession.WithBaseUrl(ticker.Exchange, parse.GetValue(baseUrl)));
                var result = await FetchWithProgressAsync(console, session, ticker, tf, fromMs, toMs, ct);
                var table = new Table().Border(TableBorder.Rounded).AddColumns("ticker", "timeframe", "range", "bars", "fetched now", "requests", "gaps");
                var gaps = await session.Store.FindGapsAsync(ticker, tf, fromMs, toMs, ct);
                table.AddRow(
                    ticker.ToString(),
                    tf.Name,
                    $"{Short(fromMs)} .. {Short(toMs)}",
                    result.Candles.Count.ToString(CultureInfo.InvariantCulture),
                    result.BarsFetched.ToString(CultureInfo.InvariantCulture),
                    result.Requests.ToString(CultureInfo.InvariantCulture),
                    gaps.Count.ToString(CultureInfo.InvariantCulture));
                console.Write(table);
                console.MarkupLine(result.FromStoreOnly
                    ? $"[green]Stored {result.Candles.Count} candles[/]; nothing was missing, so nothing was fetched."
                    : $"[green]Stored {result.Candles.Count} candles[/] ({result.BarsFetched} fetched from {ticker.Exchange.Id()} in {result.Requests} request(s)).");
                console.MarkupLine($"[grey]store: {Markup.Escape(session.Directory.CandleDatabase)}[/]");
                return CommandRunner.Ok;
            },
            ct));
        return cmd;
    }

    private static Command Import(IAnsiConsole console)
    {
        var file = new Argument<string>("file") { Description = "CSV (OHLCV with a header, or headerless t,o,h,l,c,v), Binance kline CSV dump, freqtrade JSON, or Parquet." };
        var exchange = CommonOptions.Exchange(required: false);
        var symbol = CommonOptions.Symbol();
        var timeframe = CommonOptions.Timeframe(required: false);
        timeframe.Description += " Default: inferred from the bar spacing (must match when given).";
        var format = new Option<string>("--format", "-f")
        {
            Description = "File format: auto (default), csv, binance, freqtrade, parquet.",
            DefaultValueFactory = _ => "auto",
        };
        var dataDir = CommonOptions.DataDir();
        var cmd = new Command("import", "Import a candle file into the store, atomically: a file with an error anywhere imports nothing.")
        {
            file, exchange, symbol, timeframe, format, dataDir,
        };
        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                var ticker = CommonOptions.ResolveTicker(parse.GetRequiredValue(symbol), parse.GetValue(exchange));
                var tfText = parse.GetValue(timeframe);
                Timeframe? tf = tfText is null ? null : Core.Timeframe.Parse(tfText);
                var fmt = CandleFileFormats.Parse(parse.GetValue(format));
                using var session = MarketDataSession.Open(parse.GetValue(dataDir));
                var summary = await new CandleImporter(session.Store).ImportAsync(parse.GetRequiredValue(file), ticker, tf, fmt, ct);
                var table = new Table().Border(TableBorder.Rounded).AddColumns("file", "format", "ticker", "timeframe", "bars", "first", "last", "gaps", "missing bars");
                table.AddRow(
                    Markup.Escape(summary.Path),
                    summary.Format.Name(),
                    summary.Ticker.ToString(),
                    summary.Timeframe.Name,
                    summary.Bars.ToString(CultureInfo.InvariantCulture),
                    TimeFormat.ToIso(summary.FirstTime),
                    TimeFormat.ToIso(summary.LastTime),
                    summary.Gaps.Count.ToString(CultureInfo.InvariantCulture),
                    summary.MissingBars.ToString(CultureInfo.InvariantCulture));
                console.Write(table);
                console.MarkupLine($"[green]Imported {summary.Bars} candles[/] into {Markup.Escape(session.Directory.CandleDatabase)}.");
                return CommandRunner.Ok;
            },
            ct));
        return cmd;
    }

    private static Command Export(IAnsiConsole console)
    {
        var exchange = CommonOptions.Exchange(required: false);
        var symbol = CommonOptions.Symbol();
        var timeframe = CommonOptions.Timeframe();
        var from = CommonOptions.From(required: false);
        var to = CommonOptions.To(required: false);
        var output = new Option<string>("--out", "-o") { Description = "Output file; .csv or .parquet chooses the format unless --format is given.", Required = true, HelpName = "file" };
        var format = new Option<string?>("--format", "-f") { Description = "csv or parquet (default: from the file extension)." };
        var dataDir = CommonOptions.DataDir();
        var cmd = new Command("export", "Export stored candles to CSV (time,open,high,low,close,volume; ISO UTC) or Parquet.")
        {
            exchange, symbol, timeframe, from, to, output, format, dataDir,
        };
        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                var ticker = CommonOptions.ResolveTicker(parse.GetRequiredValue(symbol), parse.GetValue(exchange));
                var tf = Core.Timeframe.Parse(parse.GetRequiredValue(timeframe));
                var fromMs = parse.GetValue(from) is { } f ? TimeFormat.ParseUtc(f, "--from") : long.MinValue;
                var toMs = parse.GetValue(to) is { } t ? TimeFormat.ParseUtc(t, "--to") : long.MaxValue;
                RequireOrdered(fromMs, toMs);
                var path = parse.GetRequiredValue(output);
                MarketData.Export.CandleExportFormat? fmt = parse.GetValue(format) switch
                {
                    null => null,
                    var s when s.Equals("csv", StringComparison.OrdinalIgnoreCase) => MarketData.Export.CandleExportFormat.Csv,
                    var s when s.Equals("parquet", StringComparison.OrdinalIgnoreCase) => MarketData.Export.CandleExportFormat.Parquet,
                    var s => ThrowHelper.Throw<MarketData.Export.CandleExportFormat?>(ErrorCode.ValidationError, $"Unknown export format '{s}'.", "Valid formats: csv, parquet."),
                };
                using var session = MarketDataSession.Open(parse.GetValue(dataDir));
                var candles = await session.Store.ReadAsync(ticker, tf, fromMs, toMs, ct);
                if (candles.Count == 0)
                {
                    ThrowHelper.Throw(
                        ErrorCode.DataUnavailable,
                        $"The store has no {tf.Name} candles for {ticker} in that range.",
                        $"Fetch them first: tradewind data fetch --symbol {ticker} --timeframe {tf.Name} --from YYYY-MM-DD, or see `tradewind data list`.");
                }

                await MarketData.Export.CandleExporter.ExportAsync(candles, path, fmt, ct);
                console.MarkupLine($"[green]Exported {candles.Count} candles[/] ({TimeFormat.ToIso(candles.Time[0])} .. {TimeFormat.ToIso(candles.Time[^1])}) to {Markup.Escape(Path.GetFullPath(path))}.");
                return CommandRunner.Ok;
            },
            ct));
        return cmd;
    }

    private static Command List(IAnsiConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var cmd = new Command("list", "List the stored series with their bar counts, first and last bars.") { dataDir };
        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                using var session = MarketDataSession.Open(parse.GetValue(dataDir));
                var series = await session.Store.ListAsync(ct);
                var table = new Table().Border(TableBorder.Rounded).AddColumns("ticker", "timeframe", "bars", "first", "last", "fetched ranges");
                foreach (var s in series)
                {
                    table.AddRow(
                        s.Ticker.ToString(),
                        s.Timeframe.Name,
                        s.Count.ToString(CultureInfo.InvariantCulture),
                        s.FirstTime is { } first ? TimeFormat.ToIso(first) : "-",
                        s.LastTime is { } last ? TimeFormat.ToIso(last) : "-",
                        s.Coverage.Count.ToString(CultureInfo.InvariantCulture));
                }

                console.Write(table);
                console.MarkupLine($"[grey]{series.Count} series in {Markup.Escape(session.Directory.CandleDatabase)}[/]");
                return CommandRunner.Ok;
            },
            ct));
        return cmd;
    }

    private static Command Inspect(IAnsiConsole console)
    {
        var exchange = CommonOptions.Exchange(required: false);
        var symbol = CommonOptions.Symbol();
        var timeframe = CommonOptions.Timeframe();
        var tail = new Option<int>("--tail") { Description = "How many of the newest bars to print.", DefaultValueFactory = _ => 5 };
        var dataDir = CommonOptions.DataDir();
        var cmd = new Command("inspect", "Show one stored series: bar count, span, fetched ranges, gaps, and the newest bars.")
        {
            exchange, symbol, timeframe, tail, dataDir,
        };
        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                var ticker = CommonOptions.ResolveTicker(parse.GetRequiredValue(symbol), parse.GetValue(exchange));
                var tf = Core.Timeframe.Parse(parse.GetRequiredValue(timeframe));
                var n = parse.GetValue(tail);
                if (n is < 0 or > 10_000)
                {
                    ThrowHelper.Throw(ErrorCode.ValidationError, $"--tail = {n} is out of range.", "--tail must be between 0 and 10000.");
                }

                using var session = MarketDataSession.Open(parse.GetValue(dataDir));
                var all = await session.Store.ReadAsync(ticker, tf, long.MinValue, long.MaxValue, ct);
                if (all.Count == 0)
                {
                    ThrowHelper.Throw(
                        ErrorCode.DataUnavailable,
                        $"The store has no {tf.Name} candles for {ticker}.",
                        "See `tradewind data list` for what is stored, or fetch with `tradewind data fetch`.");
                }

                var coverage = await session.Store.GetCoverageAsync(ticker, tf, ct);
                var gaps = await session.Store.FindGapsAsync(ticker, tf, all.Time[0], tf.Next(all.Time[^1]), ct);
                console.MarkupLine($"[bold]{ticker}[/] {tf.Name}: {all.Count} bars, {TimeFormat.ToIso(all.Time[0])} .. {TimeFormat.ToIso(all.Time[^1])}");
                console.MarkupLine($"fetched ranges: {Markup.Escape(string.Join(", ", coverage.Select(r => $"{TimeFormat.ToIso(r.From)}..{TimeFormat.ToIso(r.To)}")))}");
                var missing = gaps.Sum(g => tf.CountBars(g.From, g.To));
                console.MarkupLine(gaps.Count == 0
                    ? "gaps: none"
                    : $"gaps: {gaps.Count} ({missing} missing bars): {Markup.Escape(string.Join(", ", gaps.Take(10).Select(g => $"{TimeFormat.ToIso(g.From)}..{TimeFormat.ToIso(g.To)}")))}{(gaps.Count > 10 ? ", ..." : "")}");
                var table = new Table().Border(TableBorder.Simple).AddColumns("time", "open", "high", "low", "close", "volume");
                for (var i = Math.Max(0, all.Count - n); i < all.Count; i++)
                {
                    table.AddRow(
                        TimeFormat.ToIso(all.Time[i]),
                        Num(all.Open[i]),
                        Num(all.High[i]),
                        Num(all.Low[i]),
                        Num(all.Close[i]),
                        Num(all.Volume[i]));
                }

                console.Write(table);
                return CommandRunner.Ok;
            },
            ct));
        return cmd;
    }

    /// <summary>Fetches with a progress bar (a plain line when the console is not interactive).</summary>
    internal static async Task<FetchResult> FetchWithProgressAsync(
        IAnsiConsole console, MarketDataSession session, Ticker ticker, Timeframe tf, long fromMs, long toMs, CancellationToken ct)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            console.MarkupLine($"fetching {ticker} {tf.Name} {TimeFormat.ToIso(fromMs)} .. {TimeFormat.ToIso(toMs)} ...");
            return await session.Candles.GetCandlesAsync(ticker, tf, fromMs, toMs, null, ct);
        }

        FetchResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{Markup.Escape(ticker.ToString())} {tf.Name}", maxValue: 1.0);
                var progress = new Progress<FetchProgress>(p => task.Value = Math.Clamp(p.Fraction, 0, 1));
                result = await session.Candles.GetCandlesAsync(ticker, tf, fromMs, toMs, progress, ct);
                task.Value = 1.0;
            });
        return result!;
    }

    private static void RequireOrdered(long fromMs, long toMs)
    {
        if (toMs <= fromMs)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"--to ({TimeFormat.ToIso(toMs)}) is not after --from ({TimeFormat.ToIso(fromMs)}).", "Give an end date after the start date; --to is exclusive.");
        }
    }

    /// <summary>A date alone when the time is midnight, so tables stay narrow.</summary>
    internal static string Short(long ms) => ms % 86_400_000 == 0
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : TimeFormat.ToIso(ms);

    private static string Num(double v) => v.ToString("G10", CultureInfo.InvariantCulture);
}
