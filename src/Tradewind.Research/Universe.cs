using System.Globalization;
using Tradewind.Core;

namespace Tradewind.Research;

/// <summary>Parses a universe (a list of tickers) as given on the wire or the command line.</summary>
public static class Universe
{
    /// <summary>
    /// Parses every entry (<c>EXCHANGE:BASE/QUOTE[:SETTLE]</c>, or <c>BASE/QUOTE</c> when <paramref name="defaultExchange"/>
    /// is given), drops duplicates keeping the first, and reports every bad entry in one VALIDATION_ERROR naming
    /// <paramref name="field"/> and the entry's position.
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
            if (Ticker.TryParse(entries[i], defaultExchange, out var ticker, out var error))
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
}
