using Tradewind.Core;

namespace Tradewind.MarketData.Venues;

/// <summary>
/// "Did you mean" for symbols a venue does not list, on top of <see cref="EditDistance.Closest"/> (which already counts
/// two swapped neighbouring letters, <c>USTD</c> for <c>USDT</c>, as one edit). The one slip edit distance cannot see is
/// a pair written the wrong way round (<c>KRW/BTC</c> for <c>BTC/KRW</c>, natural on venues that write the quote first),
/// so that is handled here, once for every venue.
/// </summary>
internal static class SymbolSuggestions
{
    /// <summary>Suggestions listed in "did you mean" messages.</summary>
    public const int Max = 5;

    /// <summary>
    /// Up to <paramref name="max"/> listed tickers (as written, e.g. <c>BINANCE:BTC/USDT</c>) closest to
    /// <paramref name="requested"/> by <c>BASE/QUOTE</c>, nearest first; the reversed pair, when listed, comes first.
    /// </summary>
    public static IReadOnlyList<string> ForPair(Ticker requested, IEnumerable<InstrumentSpec> listed, int max)
    {
        var tickers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in listed)
        {
            tickers.TryAdd(spec.Ticker.Symbol, spec.Ticker.ToString());
        }

        var wanted = requested.Symbol;
        var reversed = requested.Quote + "/" + requested.Base;
        var result = new List<string>(max);
        if (reversed != wanted && tickers.TryGetValue(reversed, out var reversedTicker))
        {
            result.Add(reversedTicker);
        }

        foreach (var symbol in EditDistance.Closest(wanted, tickers.Keys, max))
        {
            if (result.Count < max && symbol != reversed)
            {
                result.Add(tickers[symbol]);
            }
        }

        return result;
    }

    /// <summary>
    /// Up to <paramref name="max"/> of <paramref name="names"/> (coins or market symbols, compared case-insensitively)
    /// closest to <paramref name="wanted"/>: those within half its length in edits, nearest first, then those that merely
    /// start with it (<c>1000</c> for <c>1000PEPE</c>), shortest first.
    /// </summary>
    public static IReadOnlyList<string> ForName(string wanted, IReadOnlyCollection<string> names, int max)
    {
        var result = new List<string>(EditDistance.Closest(wanted, names, max, Math.Max(2, wanted.Length / 2)));
        if (result.Count == max)
        {
            return result;
        }

        // A name that starts with what was typed is as far from it as it is longer; these are beyond the limit above.
        var extensions = new List<string>();
        foreach (var name in names)
        {
            if (name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) && !result.Contains(name) && !extensions.Contains(name))
            {
                extensions.Add(name);
            }
        }

        extensions.Sort((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));
        for (var i = 0; i < extensions.Count && result.Count < max; i++)
        {
            result.Add(extensions[i]);
        }

        return result;
    }

    /// <summary>
    /// The error for a symbol the venue rejected (<paramref name="venueError"/>, kept as the inner exception): the
    /// closest listed tickers become the suggestion. Without the instrument list there is nothing better to say than the
    /// venue's own error, which is returned as it is.
    /// </summary>
    /// <param name="ticker">The ticker that was asked for.</param>
    /// <param name="venue">The venue id used in messages, e.g. <c>binance</c>.</param>
    /// <param name="venueSymbol">The venue's spelling of the ticker, e.g. <c>BTCUSDT</c> or <c>KRW-BTC</c>.</param>
    /// <param name="noun">What the venue calls a listing in the "nothing close" suggestion: symbol or market.</param>
    /// <param name="note">Appended to the close matches, e.g. how the venue writes pairs; empty for none.</param>
    /// <param name="venueError">The venue's answer, already an <see cref="ErrorCode.UnknownSymbol"/> error.</param>
    /// <param name="listInstruments">The provider's (cached) instrument list.</param>
    /// <param name="cancellationToken">Cancels reading the instrument list.</param>
    public static async Task<TradewindException> UnknownSymbolAsync(
        Ticker ticker,
        string venue,
        string venueSymbol,
        string noun,
        string note,
        TradewindException venueError,
        Func<CancellationToken, Task<IReadOnlyList<InstrumentSpec>>> listInstruments,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<InstrumentSpec> listed;
        try
        {
            listed = await listInstruments(cancellationToken);
        }
        catch (TradewindException)
        {
            return venueError;
        }

        var matches = ForPair(ticker, listed, Max);
        var suggestion = matches.Count > 0
            ? $"Close matches on {venue}: {string.Join(", ", matches)}.{note}"
            : $"No listed {venue} {noun} is close to {ticker.Symbol}; list the venue's instruments to choose one.";
        return new TradewindException(
            ErrorCode.UnknownSymbol,
            $"Unknown symbol '{ticker}': {venue} does not list {venueSymbol}.",
            suggestion,
            venueError)
        {
            Details = venueError.Details,
        };
    }
}
