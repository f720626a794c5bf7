using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Core;
using Tradewind.MarketData.Import;
using Tradewind.Signals;
using Tradewind.Signals.Runtime;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind eval</c>: evaluates one Signal DSL expression on a ticker's candles (fetched into the store on
/// demand) or on a file, and prints the latest value, or the whole series as CSV with <c>--all</c>.
/// </summary>
internal static class EvalCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var expr = new Option<string>("--expr", "-x") { Description = "The expression, e.g. \"rsi(close, 14)\" or \"bbands(close, 20, 2)\".", Required = true };
        var exchange = CommonOptions.Exchange(required: false);
        var symbol = new Option<string?>("--ticker", "--symbol", "-s")
        {
            Description = "Ticker EXCHANGE:BASE/QUOTE[:SETTLE] (or BASE/QUOTE with --exchange). With --data it only names the series.",
            HelpName = "ticker",
        };
        var timeframe = CommonOptions.Timeframe(required: false);
        var from = CommonOptions.From(required: false);
        var to = CommonOptions.To(required: false);
        var data = new Option<string?>("--data")
        {
            Description = "Evaluate on a candle file instead of the store: CSV, Binance kline dump, freqtrade JSON or Parquet (timeframe inferred).",
            HelpName = "file",
        };
        var all = new Option<bool>("--all") { Description = "Print every bar as CSV: timestamp,<one column per output>." };
        var dataDir = CommonOptions.DataDir();
        var cmd = new Command("eval", "Evaluate a Signal DSL expression and print its latest value (or every bar with --all).")
        {
            expr, exchange, symbol, timeframe, from, to, data, all, dataDir,
        };
        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                var compiled = SignalCompiler.CompileExpression(parse.GetRequiredValue(expr)).GetValueOrThrow();
                var csv = parse.GetValue(all);
                var context = await LoadAsync(console, csv, parse, exchange, symbol, timeframe, from, to, data, dataDir, ct);
                var result = await compiled.EvaluateAsync(context, ct);
                if (csv)
                {
                    WriteCsv(console.Profile.Out.Writer, result);
                    return CommandRunner.Ok;
                }

                var table = new Table().Border(TableBorder.Rounded).AddColumns("ticker", "timeframe", "bar (open time)");
                foreach (var name in result.Names)
                {
                    table.AddColumn(Markup.Escape(name));
                }

                var row = new List<string> { context.Ticker.ToString(), context.Timeframe.Name, result.Count == 0 ? "-" : TimeFormat.ToIso(result.Time[^1]) };
                row.AddRange(result.LatestValues.Select(v => Format(v, result.IsBoolean)));
                table.AddRow(row.Select(Markup.Escape).ToArray());
                console.Write(table);
                return CommandRunner.Ok;
            },
            ct));
        return cmd;
    }

    private static async Task<SignalContext> LoadAsync(
        IAnsiConsole console,
        bool quietProgress,
        ParseResult parse,
        Option<string> exchange,
        Option<string?> symbol,
        Option<string> timeframe,
        Option<string> from,
        Option<string> to,
        Option<string?> data,
        Option<string?> dataDir,
        CancellationToken ct)
    {
        var file = parse.GetValue(data);
        var tickerText = parse.GetValue(symbol);
        if (file is not null)
        {
            var read = await CandleFileReader.ReadAsync(file, CandleFileFormat.Auto, null, ct);
            var named = tickerText is null ? Ticker.Parse("SIM:DATA/USDT") : CommonOptions.ResolveTicker(tickerText, parse.GetValue(exchange));
            return new SignalContext(named, read.Timeframe, read.Candles);
        }

        if (tickerText is null || parse.GetValue(timeframe) is null || parse.GetValue(from) is null)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                "eval needs either --data FILE, or --ticker, --timeframe and --from.",
                "Example: tradewind eval --expr \"rsi(close, 14)\" --ticker SIM:BTC/USDT --timeframe 1h --from 2024-01-01");
        }

        var ticker = CommonOptions.ResolveTicker(tickerText!, parse.GetValue(exchange));
        var tf = Core.Timeframe.Parse(parse.GetValue(timeframe));
        var fromMs = TimeFormat.ParseUtc(parse.GetValue(from), "--from");
        var toText = parse.GetValue(to);
        var toMs = toText is null ? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() : TimeFormat.ParseUtc(toText, "--to");
        using var session = MarketDataSession.Open(parse.GetValue(dataDir));
        // With --all stdout is CSV, so progress goes nowhere.
        var progressConsole = quietProgress ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }) : console;
        var fetched = await DataCommand.FetchWithProgressAsync(progressConsole, session, ticker, tf, fromMs, toMs, ct);
        return new SignalContext(ticker, tf, fetched.Candles);
    }

    private static void WriteCsv(TextWriter output, EvaluationResult result)
    {
        output.WriteLine("timestamp," + string.Join(",", result.Names));
        for (var i = 0; i < result.Count; i++)
        {
            output.Write(TimeFormat.ToIso(result.Time[i]));
            foreach (var column in result.Columns)
            {
                output.Write(',');
                output.Write(Format(column[i], result.IsBoolean));
            }

            output.WriteLine();
        }
    }

    private static string Format(double v, bool boolean) =>
        double.IsNaN(v) ? "na" : boolean ? (v != 0 ? "true" : "false") : v.ToString("R", CultureInfo.InvariantCulture);
}
