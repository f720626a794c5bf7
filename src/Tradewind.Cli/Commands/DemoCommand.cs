using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Core;
using Tradewind.Indicators;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind demo</c>: real work on the offline sim venue. Fetches a year of hourly candles for a few markets
/// into the store (only what is missing), then computes indicators from the registry and prints a market table.
/// </summary>
internal static class DemoCommand
{
    private static readonly string[] DefaultSymbols = ["BTC/USDT", "ETH/USDT", "SOL/USDT", "BNB/USDT", "XRP/USDT", "DOGE/USDT"];

    public static Command Build(IAnsiConsole console)
    {
        var symbols = new Option<string[]>("--symbols")
        {
            Description = "Sim symbols to load (BASE/QUOTE).",
            DefaultValueFactory = _ => DefaultSymbols,
            AllowMultipleArgumentsPerToken = true,
        };
        var timeframe = CommonOptions.Timeframe(required: false);
        timeframe.DefaultValueFactory = _ => "1h";
        var from = CommonOptions.From(required: false);
        from.DefaultValueFactory = _ => "2024-01-01";
        var to = CommonOptions.To(required: false);
        to.DefaultValueFactory = _ => "2025-01-01";
        var dataDir = CommonOptions.DataDir();
        var cmd = new Command(
            "demo",
            "Offline tour: load a year of sim candles into the store and print RSI, MACD, Bollinger %B and ATR% for each market.")
        {
            symbols, timeframe, from, to, dataDir,
        };
        cmd.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            async () =>
            {
                var tf = Core.Timeframe.Parse(parse.GetValue(timeframe));
                var fromMs = TimeFormat.ParseUtc(parse.GetValue(from), "--from");
                var toMs = TimeFormat.ParseUtc(parse.GetValue(to), "--to");
                var tickers = (parse.GetValue(symbols) ?? DefaultSymbols).Select(s => Ticker.Parse(s, ExchangeId.Sim)).ToArray();
                using var session = MarketDataSession.Open(parse.GetValue(dataDir));
                console.MarkupLine($"[bold]Tradewind demo[/] on the offline [green]sim[/] venue, {tf.Name} bars {TimeFormat.ToIso(fromMs)} .. {TimeFormat.ToIso(toMs)}");
                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumns("ticker", "bars", "last close", "change", "rsi(14)", "macd hist", "bb %b", "atr %", "signal");
                long fetched = 0;
                foreach (var ticker in tickers)
                {
                    var result = await DataCommand.FetchWithProgressAsync(console, session, ticker, tf, fromMs, toMs, ct);
                    fetched += result.BarsFetched;
                    var c = result.Candles;
                    if (c.Count == 0)
                    {
                        continue;
                    }

                    var rsi = Last(Compute("rsi", c, 14)[0]);
                    var hist = Last(Compute("macd", c, 12, 26, 9)[2]);
                    var bands = Compute("bbands", c, 20, 2, 2, 0);
                    var percentB = (c.Close[^1] - Last(bands[2])) / (Last(bands[0]) - Last(bands[2]));
                    var atrPct = Last(Compute("atr", c, 14)[0]) / c.Close[^1] * 100;
                    var change = (c.Close[^1] / c.Open[0] - 1) * 100;
                    var signal = rsi < 30 ? "[green]oversold[/]" : rsi > 70 ? "[red]overbought[/]" : "-";
                    table.AddRow(
                        ticker.ToString(),
                        c.Count.ToString(CultureInfo.InvariantCulture),
                        Fmt(c.Close[^1]),
                        $"{change:+0.0;-0.0}%",
                        rsi.ToString("0.0", CultureInfo.InvariantCulture),
                        Fmt(hist),
                        percentB.ToString("0.00", CultureInfo.InvariantCulture),
                        atrPct.ToString("0.00", CultureInfo.InvariantCulture),
                        signal);
                }

                console.Write(table);
                console.MarkupLine(fetched == 0
                    ? "[grey]Everything came from the local store (nothing was missing).[/]"
                    : $"[grey]Generated and stored {fetched} new candles; run again and nothing is fetched.[/]");
                console.MarkupLine($"[grey]store: {Markup.Escape(session.Directory.CandleDatabase)}. Next: `tradewind data list`, `tradewind indicators list`.[/]");
                return CommandRunner.Ok;
            },
            ct));
        return cmd;
    }

    /// <summary>Runs a registry indicator over the series' bar fields; returns its output columns.</summary>
    private static double[][] Compute(string name, CandleSeries c, params double[] parameters)
    {
        var d = IndicatorRegistry.Default.Get(name);
        var inputs = d.Inputs.Select(i => i.Kind switch
        {
            InputKind.Open => c.Open,
            InputKind.High => c.High,
            InputKind.Low => c.Low,
            InputKind.Volume => c.Volume,
            _ => c.Close,
        }).ToArray();
        var outputs = d.Outputs.Select(_ => new double[c.Count]).ToArray();
        d.Compute(
            new IndicatorInputs(At(inputs, 0), At(inputs, 1), At(inputs, 2), At(inputs, 3), At(inputs, 4), c.Time),
            parameters,
            new IndicatorOutputs(outputs[0], At(outputs, 1), At(outputs, 2), At(outputs, 3), At(outputs, 4)));
        return outputs;
    }

    private static double[] At(double[][] columns, int i) => i < columns.Length ? columns[i] : [];

    private static double Last(double[] column) => column.Length == 0 ? double.NaN : column[^1];

    private static string Fmt(double v) => Math.Abs(v) >= 100
        ? v.ToString("0.00", CultureInfo.InvariantCulture)
        : v.ToString("0.#####", CultureInfo.InvariantCulture);
}
