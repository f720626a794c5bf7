namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Tells when a bar opens a new session (UTC day, Monday-based week or calendar month). It keeps the current
/// session's [start, end) in Unix ms, so the per-bar check is two comparisons; the calendar is consulted only when a
/// bar falls outside it.
/// </summary>
internal struct SessionClock
{
    private const long DayMs = 86_400_000;

    private readonly SessionAnchor _anchor;
    private long _start;
    private long _end;
    private bool _started;

    public SessionClock(SessionAnchor anchor)
    {
        _anchor = anchor;
    }

    /// <summary>True when the bar opening at <paramref name="time"/> (Unix ms) starts a new session.</summary>
    public bool IsNewSession(long time)
    {
        if (_started && time >= _start && time < _end)
        {
            return false;
        }

        _started = true;
        (_start, _end) = Bounds(_anchor, time);
        return true;
    }

    public void Reset() => _started = false;

    /// <summary>The session containing <paramref name="time"/>, as [start, end) in Unix ms.</summary>
    public static (long Start, long End) Bounds(SessionAnchor anchor, long time)
    {
        var day = FloorDiv(time, DayMs);
        switch (anchor)
        {
            case SessionAnchor.Week:
                // 1970-01-01 was a Thursday, so day + 3 counts from the Monday before it.
                var monday = day - FloorMod(day + 3, 7);
                return (monday * DayMs, (monday + 7) * DayMs);
            case SessionAnchor.Month:
                var date = DateTime.UnixEpoch.AddDays(day);
                var first = new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                return (ToUnixMs(first), ToUnixMs(first.AddMonths(1)));
            default:
                return (day * DayMs, (day + 1) * DayMs);
        }
    }

    private static long ToUnixMs(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    private static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    private static long FloorMod(long a, long b) => a - (FloorDiv(a, b) * b);
}
