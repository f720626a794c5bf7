using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues;

/// <summary>
/// Reads the JSON of one venue API and says clearly what does not fit. Venues send prices and sizes as JSON numbers or
/// as decimal strings (<c>"0.01634790"</c>, so nothing is lost in transit), often both in one API, so every numeric
/// reader takes either and parses the raw UTF-8 bytes, without a string per value: these run once per candle field.
/// A failure is an <see cref="ErrorCode.VenueError"/> that names the API (<see cref="Source"/>), where in the answer
/// (a context such as the path or the request type, plus the row when there is one), the field and what it held, and
/// suggests what the venue's <see cref="Suggestion"/> says (usually: check the base URL).
/// </summary>
internal sealed class VenueJson
{
    private const int DescribeLimit = 120;

    /// <param name="source">How messages name the API, e.g. <c>Binance</c> or <c>Polymarket Gamma</c>.</param>
    /// <param name="suggestion">The suggestion every shape error carries: where the API lives and what to check.</param>
    public VenueJson(string source, string suggestion)
    {
        Source = source;
        Suggestion = suggestion;
    }

    public string Source { get; }

    public string Suggestion { get; }

    /// <summary><c>{Source} {context}: unexpected response shape, {problem}.</c></summary>
    public TradewindException Shape(string context, string problem) =>
        new(ErrorCode.VenueError, $"{Source} {context}: unexpected response shape, {problem}.", Suggestion);

    /// <summary><paramref name="value"/> itself, after checking it is a JSON <paramref name="kind"/>.</summary>
    public JsonElement Expect(JsonElement value, JsonValueKind kind, string context)
    {
        if (value.ValueKind != kind)
        {
            throw Shape(context, $"a JSON {KindName(value.ValueKind)} where {Source} sends a JSON {KindName(kind)}: {Describe(value)}");
        }

        return value;
    }

    public JsonElement ExpectArray(JsonElement value, string context) => Expect(value, JsonValueKind.Array, context);

    /// <summary>A field that must be present and not null.</summary>
    public JsonElement Property(JsonElement parent, string name, string context, int row = -1)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw Shape(context, $"{RowPrefix(row)}expected an object holding '{name}' but got {Describe(parent)}");
        }

        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Shape(context, $"{RowPrefix(row)}field '{name}' is {(value.ValueKind == JsonValueKind.Null ? "null" : "missing")}");
        }

        return value;
    }

    /// <summary>A field that must hold an array.</summary>
    public JsonElement Array(JsonElement parent, string name, string context)
    {
        var value = Property(parent, name, context);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Shape(context, $"field '{name}' should be an array but is {Describe(value)}");
        }

        return value;
    }

    /// <summary>A number field; <paramref name="row"/> (when not negative) is only formatted into a failure.</summary>
    public double Double(JsonElement parent, string name, string context, int row = -1) =>
        AsDouble(Property(parent, name, context, row), name, context, row);

    /// <summary>A number field that the venue leaves out (or sends as null) when it is zero.</summary>
    public double DoubleOrZero(JsonElement parent, string name, string context) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? AsDouble(value, name, context)
            : 0;

    /// <summary>The value of field <paramref name="name"/>, already looked up, as a finite double.</summary>
    public double AsDouble(JsonElement value, string name, string context, int row = -1) =>
        TryReadDouble(value, out var result) ? result : throw BadValue(value, $"field '{name}'", context, row, "a number");

    /// <summary>A decimal field (trading rules are decimals; they round live orders).</summary>
    public decimal Decimal(JsonElement parent, string name, string context)
    {
        var value = Property(parent, name, context);
        return TryReadDecimal(value, out var result) ? result : throw BadValue(value, $"field '{name}'", context, -1, "a decimal number");
    }

    /// <summary>An integer field, sent as a JSON number or a string of digits.</summary>
    public long Int64(JsonElement parent, string name, string context, int row = -1)
    {
        var value = Property(parent, name, context, row);
        return TryReadInt64(value, out var result) ? result : throw BadValue(value, $"field '{name}'", context, row, "an integer");
    }

    public string String(JsonElement parent, string name, string context, int row = -1)
    {
        var value = Property(parent, name, context, row);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw BadValue(value, $"field '{name}'", context, row, "a string");
    }

    /// <summary>Item <paramref name="index"/> of a positional row such as a kline, named <paramref name="label"/> in failures.</summary>
    public double ItemDouble(JsonElement items, int index, string label, string context, int row)
    {
        var value = Item(items, index, label, context, row);
        return TryReadDouble(value, out var result) ? result : throw BadValue(value, label, context, row, "a number");
    }

    public long ItemInt64(JsonElement items, int index, string label, string context, int row)
    {
        var value = Item(items, index, label, context, row);
        return TryReadInt64(value, out var result) ? result : throw BadValue(value, label, context, row, "an integer");
    }

    /// <summary>
    /// A bar that opens off Tradewind's grid for <paramref name="timeframe"/> (UTC; weeks open on Monday, months on the
    /// 1st). Checked on every bar, because a misaligned bar would silently land in the wrong bucket of every resample.
    /// </summary>
    /// <param name="timeframe">The timeframe the bars were asked for in.</param>
    /// <param name="openTime">The bar's open time.</param>
    /// <param name="context">Where in the answer, e.g. the path and the market.</param>
    /// <param name="suggestion">What to check; null for this API's <see cref="Suggestion"/>.</param>
    public TradewindException Misaligned(Timeframe timeframe, long openTime, string context, string? suggestion = null) =>
        new(
            ErrorCode.VenueError,
            $"{Source} {context}: a {timeframe} bar opens at {TimeFormat.ToIso(openTime)}, which is not on Tradewind's {timeframe} grid (UTC; weeks open on Monday, months on the 1st).",
            suggestion ?? Suggestion);

    /// <summary>
    /// <c>[row N has ]{what} = {value}, expected {expected}</c> as a shape error, for readers of a venue's own formats;
    /// <paramref name="what"/> is a field (<c>field 'o'</c>) or a position (<c>high</c>).
    /// </summary>
    public TradewindException BadValue(JsonElement value, string what, string context, int row, string expected) =>
        Shape(context, $"{(row >= 0 ? "row " + row.ToString(CultureInfo.InvariantCulture) + " has " : string.Empty)}{what} = {Describe(value)}, expected {expected}");

    /// <summary>A JSON number, or a string holding one, as a finite double (NaN or infinity is no price).</summary>
    public static bool TryReadDouble(JsonElement value, out double result)
    {
        if (!TryNumberBytes(value, out var raw))
        {
            result = 0;
            return false;
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result);
    }

    public static bool TryReadDecimal(JsonElement value, out decimal result)
    {
        if (!TryNumberBytes(value, out var raw))
        {
            result = 0;
            return false;
        }

        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryReadInt64(JsonElement value, out long result)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out result))
        {
            return true;
        }

        result = 0;
        return value.ValueKind == JsonValueKind.String
            && long.TryParse(JsonMarshal.GetRawUtf8Value(value)[1..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>True when the field is JSON <c>true</c>; absent counts as false.</summary>
    public static bool IsTrue(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>True when the field is JSON <c>false</c>; absent counts as not false.</summary>
    public static bool IsFalse(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.False;

    /// <summary>True when the field is present and not null.</summary>
    public static bool HasValue(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    /// <summary>Parses an error body that may not be JSON at all (an HTML page from a proxy or firewall).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    /// <summary>The raw JSON of <paramref name="value"/>, cut at 120 characters, for messages.</summary>
    public static string Describe(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return "(nothing)";
        }

        var raw = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value));
        return raw.Length <= DescribeLimit ? raw : raw[..DescribeLimit] + "...";
    }

    private JsonElement Item(JsonElement items, int index, string label, string context, int row)
    {
        if (items.ValueKind != JsonValueKind.Array || index >= items.GetArrayLength())
        {
            var where = row >= 0 ? "row " + row.ToString(CultureInfo.InvariantCulture) + " has" : "the row has";
            throw Shape(context, $"{where} no {label} (item {index.ToString(CultureInfo.InvariantCulture)}): {Describe(items)}");
        }

        return items[index];
    }

    private static string RowPrefix(int row) => row >= 0 ? "row " + row.ToString(CultureInfo.InvariantCulture) + ": " : string.Empty;

    private static string KindName(JsonValueKind kind) => kind.ToString().ToLowerInvariant();

    private static bool TryNumberBytes(JsonElement value, out ReadOnlySpan<byte> raw)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                raw = JsonMarshal.GetRawUtf8Value(value);
                return true;
            case JsonValueKind.String:
                raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
                return true;
            default:
                raw = default;
                return false;
        }
    }
}
