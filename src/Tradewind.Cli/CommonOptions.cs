using System.CommandLine;
using Tradewind.Core;
using Tradewind.MarketData;

namespace Tradewind.Cli;

/// <summary>Options shared by several commands, defined once so their names and help text agree.</summary>
internal static class CommonOptions
{
    public static Option<string?> DataDir() => new("--data-dir")
    {
        Description = $"Data directory (candle store and databases). Default: ${DataDirectory.EnvironmentVariable}, else ~/.local/share/tradewind.",
        HelpName = "path",
    };

    public static Option<string> Exchange(bool required = true) => new("--exchange", "-e")
    {
        Description = $"Exchange id: {Exchanges.ValidIds}.",
        Required = required,
        HelpName = "id",
    };

    public static Option<string> Symbol() => new("--symbol", "-s", "--ticker")
    {
        Description = "Symbol as BASE/QUOTE (e.g. BTC/USDT) with --exchange, or a full ticker EXCHANGE:BASE/QUOTE[:SETTLE].",
        Required = true,
        HelpName = "symbol",
    };

    public static Option<string> Timeframe(bool required = true) => new("--timeframe", "-t")
    {
        Description = $"Bar timeframe: {Core.Timeframe.ValidNames} (1m = minute, 1M = month).",
        Required = required,
        HelpName = "tf",
    };

    public static Option<string> From(bool required = true) => new("--from")
    {
        Description = "Start (inclusive), UTC: YYYY-MM-DD or ISO 8601.",
        Required = required,
        HelpName = "date",
    };

    public static Option<string> To(bool required = true) => new("--to")
    {
        Description = "End (exclusive), UTC: YYYY-MM-DD or ISO 8601.",
        Required = required,
        HelpName = "date",
    };

    /// <summary>Resolves a ticker from --symbol and --exchange (a full ticker in --symbol needs no --exchange).</summary>
    public static Ticker ResolveTicker(string symbol, string? exchange) =>
        string.IsNullOrWhiteSpace(exchange)
            ? Ticker.Parse(symbol)
            : Ticker.Parse(symbol, Exchanges.Parse(exchange));
}
