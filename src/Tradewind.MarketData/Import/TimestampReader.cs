using System.Globalization;
using Tradewind.Core;

namespace Tradewind.MarketData.Import;

/// <summary>
/// Turns the time cells of one file into Unix milliseconds. The first row fixes how times are written: an ISO date or
/// date-time (read as UTC unless it carries an offset), or a Unix epoch number whose unit follows from its size
/// (seconds below 1e11, milliseconds below 1e14, microseconds below 1e17, else nanoseconds). Later rows must use the
/// same form, so a file that switches units (as Binance's spot dumps did in 2025) is caught, not misread.
/// </summary>
internal sealed class TimestampReader
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    private TimeKind _kind = TimeKind.Unknown;

    public enum TimeKind
    {
        Unknown,
        Iso,
        Seconds,
        Milliseconds,
        Microseconds,
        Nanoseconds,
    }

    public TimeKind Kind => _kind;

    /// <summary>Human name of the form the file uses, e.g. "Unix milliseconds".</summary>
    public static string Describe(TimeKind kind) => kind switch
    {
        TimeKind.Iso => "ISO dates",
        TimeKind.Seconds => "Unix seconds",
        TimeKind.Milliseconds => "Unix milliseconds",
        TimeKind.Microseconds => "Unix microseconds",
        TimeKind.Nanoseconds => "Unix nanoseconds",
        _ => "unknown",
    };

    /// <summary>True when <paramref name="text"/> reads as a time in any supported form (used to tell data from a header).</summary>
    public static bool LooksLikeTime(ReadOnlySpan<char> text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
        || (IsNumeric(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        || TryParseIso(text, out _);

    /// <summary>Reads a time cell; on failure <paramref name="problem"/> says why.</summary>
    public bool TryRead(ReadOnlySpan<char> text, out long unixMs, out string? problem)
    {
        unixMs = 0;
        problem = null;
        if (text.IsEmpty)
        {
            problem = "the time is empty";
            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
        {
            return TryEpoch(integer, integer, text, out unixMs, out problem);
        }

        if (IsNumeric(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            if (!double.IsFinite(real) || real < 0 || real >= 9.2e18)
            {
                problem = $"time '{text}' is not a Unix timestamp after 1970";
                return false;
            }

            return TryEpoch((long)Math.Round(real), real, text, out unixMs, out problem);
        }

        if (TryParseIso(text, out unixMs))
        {
            if (_kind == TimeKind.Unknown)
            {
                _kind = TimeKind.Iso;
            }
            else if (_kind != TimeKind.Iso)
            {
                problem = $"time '{text}' is a date, but the rows before it use {Describe(_kind)}";
                return false;
            }

            return true;
        }

        problem = $"time '{text}' is neither a date (e.g. 2024-01-31 or 2024-01-31T13:00:00Z) nor a Unix timestamp";
        return false;
    }

    /// <summary>Reads a numeric time cell (JSON, Parquet).</summary>
    public bool TryRead(double value, out long unixMs, out string? problem)
    {
        unixMs = 0;
        problem = null;
        if (!double.IsFinite(value) || value < 0 || value >= 9.2e18)
        {
            problem = $"time {value.ToString(CultureInfo.InvariantCulture)} is not a Unix timestamp after 1970";
            return false;
        }

        return TryEpoch((long)Math.Round(value), value, default, out unixMs, out problem);
    }

    /// <summary>Reads an integer time cell (Parquet), exactly even for nanoseconds beyond 2^53.</summary>
    public bool TryRead(long value, out long unixMs, out string? problem)
    {
        unixMs = 0;
        problem = null;
        if (value < 0)
        {
            problem = $"time {value} is not a Unix timestamp after 1970";
            return false;
        }

        return TryEpoch(value, value, default, out unixMs, out problem);
    }

    /// <summary>Parses YYYY-MM-DD[( |T)hh:mm[:ss[.fff...]]][Z| UTC|±hh[:mm]] without allocating; other forms fall back to the framework parser.</summary>
    public static bool TryParseIso(ReadOnlySpan<char> s, out long unixMs)
    {
        if (TryParseIsoFast(s, out unixMs))
        {
            return true;
        }

        // Rare forms (e.g. "2024/01/31", "31 Jan 2024"): the framework parser, UTC unless an offset is given.
        return s.Length is > 5 and < 64 && TimeFormat.TryParseUtc(s.ToString(), out unixMs);
    }

    private static bool IsNumeric(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not '.' and not 'e' and not 'E' and not '+' and not '-')
            {
                return false;
            }
        }

        return true;
    }

    private static TimeKind KindOf(double magnitude) => magnitude switch
    {
        < 1e11 => TimeKind.Seconds,
        < 1e14 => TimeKind.Milliseconds,
        < 1e17 => TimeKind.Microseconds,
        _ => TimeKind.Nanoseconds,
    };

    // text: the cell as written, for messages; empty for numeric sources (the value is shown instead).
    private bool TryEpoch(long rounded, double exact, ReadOnlySpan<char> text, out long unixMs, out string? problem)
    {
        unixMs = 0;
        problem = null;
        var kind = KindOf(exact);
        if (_kind == TimeKind.Unknown)
        {
            _kind = kind;
        }
        else if (_kind != kind)
        {
            var shown = text.IsEmpty ? exact.ToString(CultureInfo.InvariantCulture) : text.ToString();
            problem = _kind == TimeKind.Iso
                ? $"time '{shown}' is a number, but the rows before it use dates"
                : $"time {shown} looks like {Describe(kind)}, but the rows before it use {Describe(_kind)}";
            return false;
        }

        switch (kind)
        {
            case TimeKind.Seconds:
                unixMs = (long)Math.Round(exact * 1000);
                return true;
            case TimeKind.Milliseconds when exact == rounded:
                unixMs = rounded;
                return true;
            case TimeKind.Microseconds when rounded % 1000 == 0:
                unixMs = rounded / 1000;
                return true;
            case TimeKind.Nanoseconds when rounded % 1_000_000 == 0:
                unixMs = rounded / 1_000_000;
                return true;
            default:
                var shown = text.IsEmpty ? exact.ToString(CultureInfo.InvariantCulture) : text.ToString();
                problem = $"time {shown} ({Describe(kind)}) has a fraction of a millisecond";
                return false;
        }
    }

    private static bool TryParseIsoFast(ReadOnlySpan<char> s, out long unixMs)
    {
        unixMs = 0;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || year < 1970 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0, millisecond = 0;
        var i = 10;
        if (i < s.Length && (s[i] == 'T' || s[i] == ' ') && i + 6 <= s.Length && s[i + 3] == ':')
        {
            if (!TryDigits(s.Slice(i + 1, 2), out hour) || !TryDigits(s.Slice(i + 4, 2), out minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            i += 6;
            if (i + 3 <= s.Length && s[i] == ':')
            {
                if (!TryDigits(s.Slice(i + 1, 2), out second) || second > 59)
                {
                    return false;
                }

                i += 3;
                if (i < s.Length && (s[i] == '.' || s[i] == ','))
                {
                    i++;
                    var digits = 0;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        if (digits < 3)
                        {
                            millisecond = (millisecond * 10) + (s[i] - '0');
                        }

                        digits++;
                        i++;
                    }

                    if (digits == 0)
                    {
                        return false;
                    }

                    for (; digits < 3; digits++)
                    {
                        millisecond *= 10;
                    }
                }
            }
        }

        var offsetMinutes = 0;
        var rest = s[i..];
        if (!rest.IsEmpty && !TryParseOffset(rest, out offsetMinutes))
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks;
        unixMs = ((ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond) + millisecond - (offsetMinutes * 60_000L);
        return true;
    }

    /// <summary>"Z", " UTC", "+hh", "+hhmm", "+hh:mm" (or '-'), with optional space before.</summary>
    private static bool TryParseOffset(ReadOnlySpan<char> rest, out int minutes)
    {
        minutes = 0;
        rest = rest.TrimStart(' ');
        if (rest is "Z" or "z" || rest.Equals("UTC", StringComparison.OrdinalIgnoreCase) || rest.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (rest.Length < 3 || (rest[0] != '+' && rest[0] != '-') || !TryDigits(rest.Slice(1, 2), out var hours))
        {
            return false;
        }

        var mins = 0;
        var tail = rest[3..];
        if (tail.Length > 0 && tail[0] == ':')
        {
            tail = tail[1..];
        }

        if (tail.Length == 2 && !TryDigits(tail, out mins))
        {
            return false;
        }

        if (tail.Length is not 0 and not 2 || hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (rest[0] == '-' ? -1 : 1) * ((hours * 60) + mins);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !s.IsEmpty;
    }
}
