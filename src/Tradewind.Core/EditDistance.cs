namespace Tradewind.Core;

/// <summary>
/// Edit distance for "did you mean" suggestions: insertions, deletions, substitutions and swaps of two neighbouring
/// characters each count as one edit (optimal string alignment), since swapped letters (<c>USTD</c>) are the usual slip.
/// </summary>
public static class EditDistance
{
    public static int Compute(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, previous2[j - 2] + 1);
                }

                current[j] = best;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// Up to <paramref name="max"/> candidates closest to <paramref name="wanted"/> (case-insensitive), nearest first,
    /// ties in ordinal order, within <paramref name="maxDistance"/> edits (default: a third of the length, at least 2).
    /// </summary>
    public static IReadOnlyList<string> Closest(string wanted, IEnumerable<string> candidates, int max, int? maxDistance = null)
    {
        var limit = maxDistance ?? Math.Max(2, wanted.Length / 3);
        var w = wanted.ToUpperInvariant();
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Text: c, Distance: Compute(w, c.ToUpperInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Text, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Text)
            .ToList();
    }
}
