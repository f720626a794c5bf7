using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// "Did you mean" for symbols: the listed instruments nearest to what was asked, by edit distance on
/// <c>BASE/QUOTE</c>. Two swapped neighbouring letters (<c>USTD</c> for <c>USDT</c>) and a pair written the wrong
/// way round (<c>KRW/BTC</c> for <c>BTC/KRW</c>) count as one edit each, since those are the usual slips.
/// Venue-neutral; Upbit uses it too.
/// </summary>
internal static class SymbolMatcher
{
    public static IReadOnlyList<string> Closest(Ticker requested, IEnumerable<InstrumentSpec> listed, int max)
    {
        var wanted = requested.Symbol;
        var swapped = requested.Quote + "/" + requested.Base;
        var limit = Math.Max(2, wanted.Length / 3);
        var scored = new List<(int Distance, string Text)>();
        foreach (var spec in listed)
        {
            var candidate = spec.Ticker.Symbol;
            var distance = string.Equals(candidate, swapped, StringComparison.Ordinal) || IsOneTransposition(wanted, candidate)
                ? 1
                : EditDistance.Compute(wanted, candidate);
            if (distance <= limit)
            {
                scored.Add((distance, spec.Ticker.ToString()));
            }
        }

        return scored
            .OrderBy(s => s.Distance)
            .ThenBy(s => s.Text, StringComparer.Ordinal)
            .Take(max)
            .Select(s => s.Text)
            .ToList();
    }

    private static bool IsOneTransposition(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        return i + 1 < a.Length
            && a[i] == b[i + 1]
            && a[i + 1] == b[i]
            && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }
}
