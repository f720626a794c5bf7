using System.CommandLine;
using System.Globalization;
using Tradewind.Core;

namespace Tradewind.Cli.Commands;

/// <summary>
/// The data options scan, rank and backtest share: which tickers (<c>--universe</c>, <c>--exchange</c>), which bars
/// (<c>--timeframe</c>), and where they come from (the candle store, or one candle file with <c>--data</c>).
/// One instance per command, since an option belongs to one command.
/// </summary>
internal sealed class ResearchOptions
{
    /// <summary>The series name a <c>--data</c> file gets when nothing else names it.</summary>
    public const string DefaultDataTicker = "SIM:DATA/USDT";

    public ResearchOptions()
    {
        Universe = new Option<string[]>("--universe", "-u")
        {
            Description = "Tickers, comma separated: EXCHANGE:BASE/QUOTE[:SETTLE] (e.g. SIM:BTC/USDT, SIM:BTC/USDT:USDT for a perpetual), "
                + "or BASE/QUOTE on --exchange. May be repeated.",
            HelpName = "tickers",
        };
        Exchange = new Option<string?>("--exchange", "-e")
        {
            Description = $"Exchange of the plain BASE/QUOTE entries in --universe: {Exchanges.ValidIds}. Default: sim.",
            HelpName = "id",
        };
        Timeframe = new Option<string?>("--timeframe", "-t")
        {
            Description = $"Bar timeframe: {Core.Timeframe.ValidNames} (1m = minute, 1M = month). With --data: the file's (inferred).",
            HelpName = "tf",
        };
        Data = new Option<string?>("--data")
        {
            Description = "Run on a candle file instead of the store: CSV, Binance kline dump, freqtrade JSON or Parquet (timeframe inferred).",
            HelpName = "file",
        };
        Ticker = new Option<string?>("--ticker")
        {
            Description = $"With --data: the ticker the file's candles are named as (default: the single --universe entry, else {DefaultDataTicker}).",
            HelpName = "ticker",
        };
        DataDir = CommonOptions.DataDir();
    }

    public Option<string[]> Universe { get; }

    public Option<string?> Exchange { get; }

    public Option<string?> Timeframe { get; }

    public Option<string?> Data { get; }

    public Option<string?> Ticker { get; }

    public Option<string?> DataDir { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Universe);
        command.Options.Add(Exchange);
        command.Options.Add(Timeframe);
        command.Options.Add(Data);
        command.Options.Add(Ticker);
        command.Options.Add(DataDir);
    }

    public ResearchInputs Read(ParseResult parse, int maxTickers) => new(
        SplitUniverse(parse.GetValue(Universe)),
        parse.GetValue(Exchange),
        parse.GetValue(Timeframe),
        parse.GetValue(Data),
        parse.GetValue(Ticker),
        parse.GetValue(DataDir),
        maxTickers);

    /// <summary>"A,B" and repeated options alike; blanks (a trailing comma) are ignored.</summary>
    internal static IReadOnlyList<string> SplitUniverse(string[]? values)
    {
        var entries = new List<string>();
        foreach (var value in values ?? [])
        {
            entries.AddRange(value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return entries;
    }

    /// <summary>Parses a number option, or returns null when it was not given. A bad value is a VALIDATION_ERROR naming the option.</summary>
    public static double? ParseDouble(string? text, string option, string example)
    {
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"{option} '{text}' is not a number.", $"Example: {option} {example} (a dot for decimals).");
        }

        return value;
    }

    /// <summary>Parses a whole-number option, or returns null when it was not given.</summary>
    public static int? ParseInt(string? text, string option, string example)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"{option} '{text}' is not a whole number.", $"Example: {option} {example}.");
        }

        return value;
    }

    /// <summary>Matches <paramref name="text"/> (case-insensitive) against the choices; anything else names them all.</summary>
    public static T ParseChoice<T>(string? text, string option, T fallback, params (string Name, T Value)[] choices)
    {
        if (text is null)
        {
            return fallback;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var names = string.Join(", ", choices.Select(c => c.Name));
        return ThrowHelper.Throw<T>(ErrorCode.ValidationError, $"{option} '{text}' is not one of {names}.", $"Valid values for {option}: {names}.");
    }
}
