using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Lighter;

/// <summary>
/// Reads Lighter's JSON. Its API mixes JSON numbers (candles, daily stats) and decimal strings (order prices, sizes,
/// funding rates), so every numeric reader accepts both, parsing the raw UTF-8 bytes without a string per field.
/// </summary>
internal static class LighterJson
{
    /// <summary>Lighter wraps every answer in <c>{"code":200,...}</c>; any other code carries a <c>message</c>.</summary>
    public static void EnsureOk(JsonElement root, string context)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Shape(context, $"expected an object but got {Describe(root)}");
        }

        if (!root.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out var value))
        {
            throw Shape(context, "field 'code' is missing");
        }

        if (value != 200)
        {
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            throw new TradewindException(
                ErrorCode.VenueError,
                $"Lighter {context} answered code {value.ToString(CultureInfo.InvariantCulture)}: {message ?? "(no message)"}.",
                "Check the market id, resolution and time range against Lighter's API reference (apidocs.lighter.xyz).");
        }
    }

    public static JsonElement Property(JsonElement parent, string name, string context)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw Shape(context, $"expected an object holding '{name}' but got {Describe(parent)}");
        }

        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Shape(context, $"field '{name}' is missing");
        }

        return value;
    }

    public static JsonElement Array(JsonElement parent, string name, string context)
    {
        var value = Property(parent, name, context);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Shape(context, $"field '{name}' should be an array but is {Describe(value)}");
        }

        return value;
    }

    public static double Double(JsonElement parent, string name, string context) =>
        AsDouble(Property(parent, name, context), name, context);

    /// <summary>A number Lighter leaves out when it is zero (candle volumes).</summary>
    public static double DoubleOrZero(JsonElement parent, string name, string context) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? AsDouble(value, name, context) : 0;

    public static double AsDouble(JsonElement value, string name, string context)
    {
        if (!double.TryParse(NumberBytes(value, name, context), NumberStyles.Float, CultureInfo.InvariantCulture, out var result))
        {
            throw NotANumber(value, name, context);
        }

        return result;
    }

    public static decimal Decimal(JsonElement parent, string name, string context)
    {
        var value = Property(parent, name, context);
        if (!decimal.TryParse(NumberBytes(value, name, context), NumberStyles.Float, CultureInfo.InvariantCulture, out var result))
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

        if (!long.TryParse(NumberBytes(value, name, context), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            throw NotANumber(value, name, context);
        }

        return number;
    }

    public static string String(JsonElement parent, string name, string context)
    {
        var value = Property(parent, name, context);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Shape(context, $"field '{name}' should be a string but is {Describe(value)}");
    }

    public static TradewindException Shape(string context, string problem) =>
        new(
            ErrorCode.VenueError,
            $"Lighter {context}: unexpected response shape, {problem}.",
            "The base URL may not point at Lighter's API (https://mainnet.zklighter.elliot.ai), or the API changed; check the endpoint configuration.");

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
