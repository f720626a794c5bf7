using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Upbit;

/// <summary>
/// Upbit's error body (<c>{"error":{"name":404,"message":"Code not found"}}</c>) on a 4xx, as a
/// <see cref="TradewindException"/>; <see cref="VenueHttp"/> calls <see cref="Translate"/> as the venue's
/// <see cref="VenueErrorTranslator"/>. 429 and 418 never get here: VenueHttp backs off on those.
/// </summary>
internal static class UpbitErrors
{
    public static TradewindException? Translate(VenueRequest request, int status, string body) =>
        TryReadError(body, out var name, out var message) ? ToException(request.Path, status, name, message) : null;

    private static TradewindException ToException(string path, int status, string name, string message)
    {
        var details = new Dictionary<string, object?> { ["venue_error"] = name, ["http_status"] = status };
        if (status == 404 && message.Contains("Code not found", StringComparison.OrdinalIgnoreCase))
        {
            return new TradewindException(
                ErrorCode.UnknownSymbol,
                $"upbit: {path} does not know the market (\"{message}\").",
                "Check the market against Upbit's market list.")
            {
                Details = details,
            };
        }

        return new TradewindException(
            ErrorCode.VenueError,
            $"upbit: {path} answered HTTP {status.ToString(CultureInfo.InvariantCulture)} with Upbit error {name} \"{message}\".",
            "Check the market code, the count (at most 200) and the 'to' time against Upbit's documentation.")
        {
            Details = details,
        };
    }

    /// <summary>True when <paramref name="text"/> is Upbit's <c>{"error":{"name":..,"message":".."}}</c> body.</summary>
    internal static bool TryReadError(string text, out string name, out string message)
    {
        name = string.Empty;
        message = string.Empty;

        // Anything else (a plain-text 429 or an HTML page) VenueHttp reports as it is.
        if (!VenueJson.TryParse(text, out var doc))
        {
            return false;
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (error.TryGetProperty("name", out var n))
            {
                name = n.ValueKind == JsonValueKind.String ? n.GetString() ?? string.Empty : n.GetRawText();
            }

            if (error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                message = m.GetString() ?? string.Empty;
            }

            return true;
        }
    }
}
