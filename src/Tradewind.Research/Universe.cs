using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Tradewind.Core;

namespace Tradewind.Research;

/// <summary>Parses a universe (a list of tickers) as given on the wire or the command line.</summary>
public static class Universe
{
    /// <summary>
    /// Parses one entry: a full ticker <c>EXCHANGE:BASE/QUOTE[:SETTLE]</c> stands on its own exchange; a plain
    /// <c>BASE/QUOTE[:SETTLE]</c> is on <paramref name="defaultExchange"/> (an error when there is none).
    /// </summary>
    public static bool TryParseEntry(string? entry, ExchangeId? defaultExchange, out Ticker ticker, [NotNullWhen(false)] out TradewindException? error)
    {
        if (Ticker.TryParse(entry, null, out ticker, out error))
        {
            return true;
        }

        return defaultExchange is not null && !HasExchangePrefix(entry) && Ticker.TryParse(entry, defaultExchange, out ticker, out error);
    }

    /// <summary>
    /// Parses every entry with <see cref="TryParseEntry"/>, drops duplicates keeping the first, and reports every bad
    /// entry in one VALIDATION_ERROR naming <paramref name="field"/> and the entry's position.
    /// </summary>
    public static IReadOnlyList<Ticker> Parse(IReadOnlyList<string>? entries, ExchangeId? defaultExchange, string field, int maxTickers)
    {
        if (entries is not { Count: > 0 })
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                $"'{field}' is required and must list at least one ticker.",
                "Example: [\"SIM:BTC/USDT\", \"SIM:ETH/USDT\"]; perpetuals add the settle currency, e.g. SIM:BTC/USDT:USDT.");
        }

        if (entries.Count > maxTickers)
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                string.Create(CultureInfo.InvariantCulture, $"'{field}' has {entries.Count} tickers; at most {maxTickers} are allowed."),
                string.Create(CultureInfo.InvariantCulture, $"Split the universe into runs of {maxTickers} tickers."));
        }

        var tickers = new List<Ticker>(entries.Count);
        var seen = new HashSet<Ticker>();
        var problems = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (TryParseEntry(entries[i], defaultExchange, out var ticker, out var error))
            {
                if (seen.Add(ticker))
                {
                    tickers.Add(ticker);
                }
            }
            else
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]: {error.Message}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new TradewindException(
                ErrorCode.ValidationError,
                problems.Count == 1 ? problems[0] : string.Join(" ", problems),
                $"Write each ticker as EXCHANGE:BASE/QUOTE (spot) or EXCHANGE:BASE/QUOTE:SETTLE (perpetual), e.g. SIM:BTC/USDT. Valid exchanges: {Exchanges.ValidIds}.")
            {
                Details = new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = field, ["problems"] = problems },
            };
        }

        return tickers;
    }

    // Ticker's rule: an exchange prefix is a colon before the slash (or a colon with no slash at all).
    private static bool HasExchangePrefix(string? entry)
    {
        if (entry is null)
        {
            return false;
        }

        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return colon >= 0 && (slash < 0 || colon < slash);
    }
}
