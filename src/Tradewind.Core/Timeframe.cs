namespace Tradewind.Core;

/// <summary>
/// A bar interval: 1m 5m 15m 30m 1h 4h 1d 1w 1M. Bars are aligned in UTC: days at midnight, weeks on Monday,
/// months on the first calendar day. Times are Unix milliseconds.
/// </summary>
public readonly record struct Timeframe : IComparable<Timeframe>
{
    private const long Minute = 60_000;
    private const long Day = 86_400_000;

    // 1970-01-01 was a Thursday; the first Monday is 1970-01-05, four days later.
    private const long MondayOffset = 4 * Day;

    public static readonly Timeframe M1 = new("1m", Minute);
    public static readonly Timeframe M5 = new("5m", 5 * Minute);
    public static readonly Timeframe M15 = new("15m", 15 * Minute);
    public static readonly Timeframe M30 = new("30m", 30 * Minute);
    public static readonly Timeframe H1 = new("1h", 60 * Minute);
    public static readonly Timeframe H4 = new("4h", 240 * Minute);
    public static readonly Timeframe D1 = new("1d", Day);
    public static readonly Timeframe W1 = new("1w", 7 * Day);

    /// <summary>One calendar month. <see cref="NominalMilliseconds"/> is 30 days; alignment uses the calendar.</summary>
    public static readonly Timeframe Month1 = new("1M", 30 * Day);

    private static readonly Timeframe[] AllTimeframes = [M1, M5, M15, M30, H1, H4, D1, W1, Month1];

    private Timeframe(string name, long nominalMilliseconds)
    {
        Name = name;
        NominalMilliseconds = nominalMilliseconds;
    }

    /// <summary>Every timeframe, finest first.</summary>
    public static IReadOnlyList<Timeframe> All => AllTimeframes;

    /// <summary>The valid names, for error messages.</summary>
    public static string ValidNames => string.Join(" ", AllTimeframes.Select(t => t.Name));

    public string Name { get; }

    /// <summary>Exact bar length, except for 1M where it is a nominal 30 days.</summary>
    public long NominalMilliseconds { get; }

    public bool IsCalendarMonth => Name == "1M";

    public override string ToString() => Name;

    public int CompareTo(Timeframe other) => NominalMilliseconds.CompareTo(other.NominalMilliseconds);

    /// <summary>True when a bar of this timeframe is a whole number of <paramref name="finer"/> bars, aligned.</summary>
    public bool IsMultipleOf(Timeframe finer)
    {
        if (finer.IsCalendarMonth)
        {
            return IsCalendarMonth;
        }

        if (finer.Name == W1.Name)
        {
            return Name == W1.Name;
        }

        return IsCalendarMonth || NominalMilliseconds % finer.NominalMilliseconds == 0;
    }

    /// <summary>The open time of the bar that contains <paramref name="timeMs"/>.</summary>
    public long Floor(long timeMs)
    {
        if (IsCalendarMonth)
        {
            var t = DateTimeOffset.FromUnixTimeMilliseconds(timeMs);
            return new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        }

        var offset = Name == W1.Name ? MondayOffset : 0;
        var shifted = timeMs - offset;
        var rem = shifted % NominalMilliseconds;
        if (rem < 0)
        {
            rem += NominalMilliseconds;
        }

        return timeMs - rem;
    }

    /// <summary>The open time of the bar after the one that opens at (or contains) <paramref name="timeMs"/>.</summary>
    public long Next(long timeMs)
    {
        if (IsCalendarMonth)
        {
            var t = DateTimeOffset.FromUnixTimeMilliseconds(Floor(timeMs));
            return t.AddMonths(1).ToUnixTimeMilliseconds();
        }

        return Floor(timeMs) + NominalMilliseconds;
    }

    /// <summary>True when <paramref name="timeMs"/> is exactly a bar open time.</summary>
    public bool IsAligned(long timeMs) => Floor(timeMs) == timeMs;

    /// <summary>Number of bars whose open time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public long CountBars(long fromMs, long toMs)
    {
        if (toMs <= fromMs)
        {
            return 0;
        }

        var first = IsAligned(fromMs) ? fromMs : Next(fromMs);
        if (first >= toMs)
        {
            return 0;
        }

        if (!IsCalendarMonth)
        {
            return ((toMs - 1 - first) / NominalMilliseconds) + 1;
        }

        long count = 0;
        for (var t = first; t < toMs; t = Next(t))
        {
            count++;
        }

        return count;
    }

    public static bool TryParse(string? text, out Timeframe timeframe)
    {
        timeframe = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();

        // "1M" is a month and "1m" a minute; otherwise accept any case ("1H", "1D").
        foreach (var t in AllTimeframes)
        {
            if (string.Equals(t.Name, s, StringComparison.Ordinal))
            {
                timeframe = t;
                return true;
            }
        }

        foreach (var t in AllTimeframes)
        {
            if (!t.IsCalendarMonth && t.Name != M1.Name && t.Name != M5.Name && t.Name != M15.Name && t.Name != M30.Name
                && string.Equals(t.Name, s, StringComparison.OrdinalIgnoreCase))
            {
                timeframe = t;
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a timeframe name; the error lists the valid names.</summary>
    public static Timeframe Parse(string? text) =>
        TryParse(text, out var tf)
            ? tf
            : ThrowHelper.Throw<Timeframe>(
                ErrorCode.UnknownTimeframe,
                $"Unknown timeframe '{text}'.",
                $"Valid timeframes: {ValidNames} (1m is a minute, 1M a month).");

    public static bool operator <(Timeframe left, Timeframe right) => left.CompareTo(right) < 0;

    public static bool operator >(Timeframe left, Timeframe right) => left.CompareTo(right) > 0;

    public static bool operator <=(Timeframe left, Timeframe right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Timeframe left, Timeframe right) => left.CompareTo(right) >= 0;
}
