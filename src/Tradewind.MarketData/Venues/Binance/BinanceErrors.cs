using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// Binance's error body (<c>{"code":-1121,"msg":"Invalid symbol."}</c>) on a 4xx, as a <see cref="TradewindException"/>
/// that names the code and the message; <see cref="VenueHttp"/> calls <see cref="Translate"/> as the venue's
/// <see cref="VenueErrorTranslator"/>. 429 and 418 never get here: VenueHttp backs off on those.
/// </summary>
internal static class BinanceErrors
{
    /// <summary>Binance's code for a symbol it does not list.</summary>
    public const int InvalidSymbolCode = -1121;

    /// <summary>The key in <see cref="TradewindException.Details"/> that carries Binance's error code.</summary>
    public const string VenueCodeDetail = "venue_code";

    public static TradewindException? Translate(string venue, VenueRequest request, int status, string body) =>
        TryReadError(body, out var code, out var message) ? ToException(venue, request.Path, status, code, message) : null;

    private static TradewindException ToException(string venue, string path, int status, int code, string message)
    {
        var details = new Dictionary<string, object?> { [VenueCodeDetail] = code, ["http_status"] = status };
        var codeText = code.ToString(CultureInfo.InvariantCulture);
        return code switch
        {
            InvalidSymbolCode => new TradewindException(
                ErrorCode.UnknownSymbol,
                $"{venue}: {path} rejected the symbol (Binance error {codeText} \"{message}\").",
                "Check the symbol against the venue's instrument list.")
            {
                Details = details,
            },
            -1003 => new TradewindException(
                ErrorCode.RateLimited,
                $"{venue}: {path} answered Binance error {codeText} \"{message}\".",
                "The IP is over Binance's request weight; wait a minute and retry.")
            {
                Details = details,
            },
            _ => new TradewindException(
                ErrorCode.VenueError,
                $"{venue}: {path} answered HTTP {status.ToString(CultureInfo.InvariantCulture)} with Binance error {codeText} \"{message}\".",
                "See Binance's error code list; check the symbol, the interval and the time range.")
            {
                Details = details,
            },
        };
    }

    /// <summary>True when <paramref name="text"/> is Binance's <c>{"code":int,"msg":string}</c> error body.</summary>
    internal static bool TryReadError(string text, out int code, out string message)
    {
        code = 0;
        message = string.Empty;

        // Anything else (an HTML page from a proxy or firewall) VenueHttp reports as it is.
        if (!VenueJson.TryParse(text, out var doc))
        {
            return false;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("code", out var codeElement)
                && codeElement.TryGetInt32(out code)
                && root.TryGetProperty("msg", out var msgElement)
                && msgElement.ValueKind == JsonValueKind.String)
            {
                message = msgElement.GetString() ?? string.Empty;
                return true;
            }
        }

        return false;
    }
}
