using System.Globalization;

namespace Tradewind.Core;

/// <summary>Parsing and formatting of user-facing times. Everything is UTC.</summary>
public static class TimeFormat
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss.fff",
    ];

    /// <summary>Parses a date or date-time (UTC, ISO 8601) into Unix milliseconds.</summary>
    public static bool TryParseUtc(string? text, out long unixMs)
    {
        unixMs = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (DateTimeOffset.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var exact)
            || DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out exact))
        {
            unixMs = exact.ToUnixTimeMilliseconds();
            return true;
        }

        return false;
    }

    /// <summary>Parses a UTC date; the error names the field and the expected form.</summary>
    public static long ParseUtc(string? text, string field) =>
        TryParseUtc(text, out var ms)
            ? ms
            : ThrowHelper.Throw<long>(
                ErrorCode.ValidationError,
                $"'{field}' = '{text}' is not a date.",
                $"Use YYYY-MM-DD or an ISO 8601 UTC time such as 2024-01-01T00:00:00Z for '{field}'.");

    /// <summary>ISO 8601 UTC with a trailing Z, second precision unless milliseconds are present.</summary>
    public static string ToIso(long unixMs)
    {
        var t = DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime;
        return unixMs % 1000 == 0
            ? t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
    }
}
