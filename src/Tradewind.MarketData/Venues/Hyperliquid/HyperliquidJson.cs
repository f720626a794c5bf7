using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Hyperliquid;

/// <summary>
/// Reads Hyperliquid's JSON. Prices and sizes arrive as decimal strings ("29295.0"); they are parsed from the raw
/// UTF-8 bytes so a 5000-candle response costs no string per field.
/// </summary>
internal static class HyperliquidJson
{
    public static JsonElement Property(JsonElement parent, string name, string context)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw Shape(context, $"expected an object holding '{name}' but got {parent.ValueKind}");
        }

        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Shape(context, $"field '{name}' is missing");
        }

        return value;
    }

    public static double Double(JsonElement parent, string name, string context) =>
        AsDouble(Property(parent, name, context), name, context);

    public static double AsDouble(JsonElement value, string name, string context)
    {
        var raw = NumberBytes(value, name, context);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var result))
        {
            throw NotANumber(value, name, context);
        }

        return result;
    }

    public static decimal Decimal(JsonElement parent, string name, string context)
    {
        var value = Property(parent, name, context);
        var raw = NumberBytes(value, name, context);
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var result))
        {
            throw NotANumber(value, name, context);
        }

        return result;
    }

    public static long Int64(JsonElement parent, string name, string context)
    {
        var value = Property(parent, name, context);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        var raw = NumberBytes(value, name, context);
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            throw NotANumber(value, name, context);
        }

        return number;
    }

    public static string String(JsonElement parent, string name, string context)
    {
        var value = Property(parent, name, context);
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Shape(context, $"field '{name}' should be a string but is {value.ValueKind}");
        }

        return value.GetString()!;
    }

    public static bool OptionalBool(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static JsonElement Array(JsonElement value, string context)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Shape(context, $"expected an array but got {Describe(value)}");
        }

        return value;
    }

    public static TradewindException Shape(string context, string problem) =>
        new(
            ErrorCode.VenueError,
            $"Hyperliquid {context}: unexpected response shape, {problem}.",
            "The base URL may not point at Hyperliquid's API (https://api.hyperliquid.xyz), or the API changed; check the endpoint configuration.");

    private static ReadOnlySpan<byte> NumberBytes(JsonElement value, string name, string context)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return value.ValueKind switch
        {
            JsonValueKind.Number => raw,
            JsonValueKind.String => raw[1..^1],
            _ => throw NotANumber(value, name, context),
        };
    }

    private static TradewindException NotANumber(JsonElement value, string name, string context) =>
        Shape(context, $"field '{name}' = {Describe(value)} is not a number");

    private static string Describe(JsonElement value)
    {
        var text = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value));
        return text.Length <= 80 ? text : text[..80] + "...";
    }
}
