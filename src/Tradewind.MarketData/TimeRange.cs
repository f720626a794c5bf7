namespace Tradewind.MarketData;

/// <summary>A half-open interval [<see cref="From"/>, <see cref="To"/>) of Unix milliseconds.</summary>
public readonly record struct TimeRange(long From, long To)
{
    public bool IsEmpty => To <= From;

    public long Length => Math.Max(0, To - From);

    public bool Contains(long time) => time >= From && time < To;

    /// <summary>Parts of <paramref name="wanted"/> not covered by <paramref name="covered"/> (sorted, non-overlapping).</summary>
    public static IReadOnlyList<TimeRange> Subtract(TimeRange wanted, IReadOnlyList<TimeRange> covered)
    {
        var missing = new List<TimeRange>();
        var cursor = wanted.From;
        foreach (var c in covered)
        {
            if (c.To <= cursor)
            {
                continue;
            }

            if (c.From >= wanted.To)
            {
                break;
            }

            if (c.From > cursor)
            {
                missing.Add(new TimeRange(cursor, Math.Min(c.From, wanted.To)));
            }

            cursor = Math.Max(cursor, c.To);
            if (cursor >= wanted.To)
            {
                break;
            }
        }

        if (cursor < wanted.To)
        {
            missing.Add(new TimeRange(cursor, wanted.To));
        }

        return missing;
    }

    /// <summary>Sorts and merges overlapping or touching ranges.</summary>
    public static IReadOnlyList<TimeRange> Merge(IEnumerable<TimeRange> ranges)
    {
        var sorted = ranges.Where(r => !r.IsEmpty).OrderBy(r => r.From).ToList();
        var merged = new List<TimeRange>(sorted.Count);
        foreach (var r in sorted)
        {
            if (merged.Count > 0 && r.From <= merged[^1].To)
            {
                merged[^1] = new TimeRange(merged[^1].From, Math.Max(merged[^1].To, r.To));
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }
}
