using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Tradewind.MarketData.Venues.Upbit;

/// <summary>
/// Upbit's JSON: the shared readers (<see cref="Reader"/>) and Upbit's own candle times, <c>yyyy-MM-ddTHH:mm:ss</c>
/// strings in UTC (<c>candle_date_time_utc</c>) and in KST (<c>candle_date_time_kst</c>, nine hours ahead). Times are
/// parsed from the UTF-8 bytes, without a string per row.
/// </summary>
internal static class UpbitJson
{
    public static readonly VenueJson Reader = new(
        "Upbit",
        "The base URL may not point at the Upbit API (https://api.upbit.com), or the API changed; check the endpoint configuration.");

    /// <summary>A <c>yyyy-MM-ddTHH:mm:ss</c> UTC field of row <paramref name="row"/> as Unix milliseconds.</summary>
    public static long ReadUtcTime(JsonElement obj, string name, string path, int row)
    {
        var value = Reader.Property(obj, name, path, row);
        if (value.ValueKind == JsonValueKind.String && TryParseUtc(JsonMarshal.GetRawUtf8Value(value)[1..^1], out var ms))
        {
            return ms;
        }

        throw Reader.BadValue(value, $"field '{name}'", path, row, "a UTC time yyyy-MM-ddTHH:mm:ss");
    }

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ss</c>, optionally followed by <c>Z</c>, as UTC.</summary>
    public static bool TryParseUtc(ReadOnlySpan<byte> s, out long unixMs)
    {
        unixMs = 0;
        if (s.Length is not (19 or 20) || (s.Length == 20 && s[19] != (byte)'Z')
            || s[4] != (byte)'-' || s[7] != (byte)'-' || (s[10] != (byte)'T' && s[10] != (byte)' ')
            || s[13] != (byte)':' || s[16] != (byte)':')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1970 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        unixMs = (time.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        return true;
    }

    /// <summary>The <c>to</c> parameter: UTC with a Z, rounded up to the second so no bar before the cursor is lost.</summary>
    public static string FormatTo(long unixMs)
    {
        var seconds = unixMs / 1000 + (unixMs % 1000 > 0 ? 1 : 0);
        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = value * 10 + (b - '0');
        }

        return true;
    }
}
