using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Polymarket;

/// <summary>
/// Reads Polymarket's JSON (CLOB and Gamma). Prices arrive as decimal strings on the CLOB ("0.48") and as numbers in
/// price history and on Gamma, so every numeric reader accepts both, parsing raw UTF-8 bytes without a string per field.
/// Messages name the API ("Polymarket CLOB" or "Polymarket Gamma") so a user knows which base URL to check.
/// </summary>
internal static class PolymarketJson
{
    /// <summary>The CLOB reports some failures as <c>{"error":"..."}</c>; turn those into a clear error.</summary>
    public static void EnsureNoError(JsonElement root, string api, string context)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            throw new TradewindException(
                ErrorCode.VenueError,
                $"{api} {context} answered an error: {error.GetString()}.",
                "Check the token id: it must be a CLOB token id from a market's clobTokenIds on Gamma, not a condition id or slug.");
        }
    }

    public static JsonElement Property(JsonElement parent, string name, string api, string context)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw Shape(api, context, $"expected an object holding '{name}' but got {Describe(parent)}");
        }

        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Shape(api, context, $"field '{name}' is missing");
        }

        return value;
    }

    public static JsonElement Array(JsonElement parent, string name, string api, string context)
    {
        var value = Property(parent, name, api, context);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Shape(api, context, $"field '{name}' should be an array but is {Describe(value)}");
        }

        return value;
    }

    public static double Double(JsonElement parent, string name, string api, string context) =>
        AsDouble(Property(parent, name, api, context), name, api, context);

    public static double AsDouble(JsonElement value, string name, string api, string context)
    {
        if (!double.TryParse(NumberBytes(value, name, api, context), NumberStyles.Float, CultureInfo.InvariantCulture, out var result))
        {
            throw NotANumber(value, name, api, context);
        }

        return result;
    }

    public static decimal Decimal(JsonElement parent, string name, string api, string context)
    {
        var value = Property(parent, name, api, context);
        if (!decimal.TryParse(NumberBytes(value, name, api, context), NumberStyles.Float, CultureInfo.InvariantCulture, out var result))
        {
            throw NotANumber(value, name, api, context);
        }

        return result;
    }

    public static long Int64(JsonElement parent, string name, string api, string context)
    {
        var value = Property(parent, name, api, context);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        if (!long.TryParse(NumberBytes(value, name, api, context), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            throw NotANumber(value, name, api, context);
        }

        return number;
    }

    public static string String(JsonElement parent, string name, string api, string context)
    {
        var value = Property(parent, name, api, context);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Shape(api, context, $"field '{name}' should be a string but is {Describe(value)}");
    }

    public static TradewindException Shape(string api, string context, string problem) =>
        new(
            ErrorCode.VenueError,
            $"{api} {context}: unexpected response shape, {problem}.",
            "The base URL may not point at Polymarket's API (CLOB https://clob.polymarket.com, Gamma https://gamma-api.polymarket.com), or the API changed; check the endpoint configuration.");

    private static ReadOnlySpan<byte> NumberBytes(JsonElement value, string name, string api, string context)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return value.ValueKind switch
        {
            JsonValueKind.Number => raw,
            JsonValueKind.String => raw[1..^1],
            _ => throw NotANumber(value, name, api, context),
        };
    }

    private static TradewindException NotANumber(JsonElement value, string name, string api, string context) =>
        Shape(api, context, $"field '{name}' = {Describe(value)} is not a number");

    private static string Describe(JsonElement value)
    {
        var text = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value));
        return text.Length <= 80 ? text : text[..80] + "...";
    }
}
