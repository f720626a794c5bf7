using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// Reads Binance's numbers. Prices and quantities come as JSON strings (<c>"0.01634790"</c>) so that no precision is
/// lost in transit; they are parsed straight from the response's UTF-8 bytes, without a string per value.
/// Failures name the venue, the path, the row and the field.
/// </summary>
internal static class BinanceJson
{
    public static double ReadDouble(JsonElement element, string venue, string path, int row, string field)
    {
        if (!TryReadDouble(element, out var value))
        {
            ThrowBadValue(element, venue, path, row, field, "a decimal number");
        }

        return value;
    }

    public static long ReadInt64(JsonElement element, string venue, string path, int row, string field)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value))
        {
            return value;
        }

        ThrowBadValue(element, venue, path, row, field, "an integer (Unix milliseconds)");
        return 0;
    }

    public static bool TryReadDouble(JsonElement element, out double value)
    {
        ReadOnlySpan<byte> raw;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                raw = JsonMarshal.GetRawUtf8Value(element);
                raw = raw[1..^1];
                break;
            case JsonValueKind.Number:
                raw = JsonMarshal.GetRawUtf8Value(element);
                break;
            default:
                value = 0;
                return false;
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>A decimal field of an object (trading rules are decimals; they round live orders).</summary>
    public static decimal ReadDecimal(JsonElement obj, string name, string venue, string path, string context)
    {
        if (!obj.TryGetProperty(name, out var element))
        {
            ThrowMissing(venue, path, context, name);
        }

        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            ThrowHelper.Throw(
                ErrorCode.VenueError,
                $"{venue}: {path} {context} has {name} = {Describe(element)}, which is not a decimal number.",
                "The venue's response format may have changed; check the base URL and report it.");
        }

        // Drop trailing zeros ("0.00100000" -> 0.001) so rules print the way traders write them.
        return value / 1.0000000000000000000000000000m;
    }

    public static double ReadDoubleField(JsonElement obj, string name, string venue, string path, string context) =>
        ReadDoubleField(obj, name, venue, path, context, -1);

    /// <summary>Reads a field of row <paramref name="row"/>; the row's label is only built when the field is bad.</summary>
    public static double ReadDoubleField(JsonElement obj, string name, string venue, string path, int row) =>
        ReadDoubleField(obj, name, venue, path, null, row);

    public static long ReadInt64Field(JsonElement obj, string name, string venue, string path, string context) =>
        ReadInt64Field(obj, name, venue, path, context, -1);

    public static long ReadInt64Field(JsonElement obj, string name, string venue, string path, int row) =>
        ReadInt64Field(obj, name, venue, path, null, row);

    private static double ReadDoubleField(JsonElement obj, string name, string venue, string path, string? context, int row)
    {
        if (!obj.TryGetProperty(name, out var element))
        {
            ThrowMissing(venue, path, Label(context, row), name);
        }

        if (!TryReadDouble(element, out var value))
        {
            ThrowHelper.Throw(
                ErrorCode.VenueError,
                $"{venue}: {path} {Label(context, row)} has {name} = {Describe(element)}, which is not a number.",
                "The venue's response format may have changed; check the base URL and report it.");
        }

        return value;
    }

    private static long ReadInt64Field(JsonElement obj, string name, string venue, string path, string? context, int row)
    {
        if (!obj.TryGetProperty(name, out var element))
        {
            ThrowMissing(venue, path, Label(context, row), name);
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value))
        {
            return value;
        }

        return ThrowHelper.Throw<long>(
            ErrorCode.VenueError,
            $"{venue}: {path} {Label(context, row)} has {name} = {Describe(element)}, which is not an integer.",
            "The venue's response format may have changed; check the base URL and report it.");
    }

    public static string ReadString(JsonElement obj, string name, string venue, string path, string context)
    {
        if (!obj.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            ThrowMissing(venue, path, context, name);
        }

        return element.GetString()!;
    }

    public static void ExpectKind(JsonElement element, JsonValueKind kind, string venue, string path)
    {
        if (element.ValueKind != kind)
        {
            ThrowHelper.Throw(
                ErrorCode.VenueError,
                $"{venue}: {path} answered a JSON {element.ValueKind.ToString().ToLowerInvariant()} where Binance sends a JSON {kind.ToString().ToLowerInvariant()}: {Describe(element)}",
                "Check that the base URL points at the Binance API (spot: /api/v3, USD-M: /fapi/v1).");
        }
    }

    private static string Label(string? context, int row) => context ?? "row " + row.ToString(CultureInfo.InvariantCulture);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowBadValue(JsonElement element, string venue, string path, int row, string field, string expected) =>
        ThrowHelper.Throw(
            ErrorCode.VenueError,
            $"{venue}: {path} row {row.ToString(CultureInfo.InvariantCulture)} has {field} = {Describe(element)}, expected {expected}.",
            "The venue's response format may have changed; check the base URL and report it.");

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowMissing(string venue, string path, string context, string name) =>
        ThrowHelper.Throw(
            ErrorCode.VenueError,
            $"{venue}: {path} {context} has no '{name}' field.",
            "The venue's response format may have changed; check the base URL and report it.");

    private static string Describe(JsonElement element)
    {
        var raw = element.ValueKind == JsonValueKind.Undefined ? "(nothing)" : Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(element));
        return raw.Length <= 120 ? raw : raw[..120] + "...";
    }
}
