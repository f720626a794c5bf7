using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Upbit;

/// <summary>
/// Reads Upbit's fields. Prices and sizes are JSON numbers; candle times are <c>yyyy-MM-ddTHH:mm:ss</c> strings in
/// UTC (<c>candle_date_time_utc</c>) and in KST (<c>candle_date_time_kst</c>, nine hours ahead). Times are parsed from
/// the UTF-8 bytes, without a string per row. Failures name the path, the row and the field.
/// </summary>
internal static class UpbitJson
{
    public static double ReadDouble(JsonElement obj, string name, string path, string context) =>
        ReadDouble(obj, name, path, context, -1);

    /// <summary>Reads a field of row <paramref name="row"/>; the row's label is only built when the field is bad.</summary>
    public static double ReadDouble(JsonElement obj, string name, string path, int row) =>
        ReadDouble(obj, name, path, null, row);

    public static long ReadUtcTime(JsonElement obj, string name, string path, int row) =>
        ReadUtcTime(obj, name, path, null, row);

    public static long ReadUtcTime(JsonElement obj, string name, string path, string context) =>
        ReadUtcTime(obj, name, path, context, -1);

    private static double ReadDouble(JsonElement obj, string name, string path, string? context, int row)
    {
        if (obj.TryGetProperty(name, out var element))
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var number))
            {
                return number;
            }

            // Some Upbit deployments send decimals as strings; accept both.
            if (element.ValueKind == JsonValueKind.String)
            {
                var raw = JsonMarshal.GetRawUtf8Value(element)[1..^1];
                if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    return number;
                }
            }
        }

        return Bad<double>(obj, name, path, Label(context, row), "a number");
    }

    public static long ReadInt64(JsonElement obj, string name, string path, string context)
    {
        if (obj.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value))
        {
            return value;
        }

        return Bad<long>(obj, name, path, context, "an integer");
    }

    public static string ReadString(JsonElement obj, string name, string path, string context)
    {
        if (obj.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            return element.GetString()!;
        }

        return Bad<string>(obj, name, path, context, "a string");
    }

    /// <summary>A <c>yyyy-MM-ddTHH:mm:ss</c> UTC field as Unix milliseconds.</summary>
    private static long ReadUtcTime(JsonElement obj, string name, string path, string? context, int row)
    {
        if (obj.TryGetProperty(name, out var element)
            && element.ValueKind == JsonValueKind.String
            && TryParseUtc(JsonMarshal.GetRawUtf8Value(element)[1..^1], out var ms))
        {
            return ms;
        }

        return Bad<long>(obj, name, path, Label(context, row), "a UTC time yyyy-MM-ddTHH:mm:ss");
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

    public static void ExpectKind(JsonElement element, JsonValueKind kind, string path)
    {
        if (element.ValueKind != kind)
        {
            ThrowHelper.Throw(
                ErrorCode.VenueError,
                $"upbit: {path} answered a JSON {element.ValueKind.ToString().ToLowerInvariant()} where Upbit sends a JSON {kind.ToString().ToLowerInvariant()}: {Describe(element)}",
                "Check that the base URL points at the Upbit API (https://api.upbit.com).");
        }
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

    private static string Label(string? context, int row) => context ?? "row " + row.ToString(CultureInfo.InvariantCulture);

    private static T Bad<T>(JsonElement obj, string name, string path, string context, string expected)
    {
        var found = obj.TryGetProperty(name, out var element) ? Describe(element) : "nothing";
        return ThrowHelper.Throw<T>(
            ErrorCode.VenueError,
            $"upbit: {path} {context} has {name} = {found}, expected {expected}.",
            "The venue's response format may have changed; check the base URL and report it.");
    }

    private static string Describe(JsonElement element)
    {
        var raw = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(element));
        return raw.Length <= 120 ? raw : raw[..120] + "...";
    }
}
