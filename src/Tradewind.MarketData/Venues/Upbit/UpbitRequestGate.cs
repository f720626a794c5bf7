using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Upbit;

/// <summary>
/// Sits between <see cref="VenueHttp"/> and the caller's <see cref="HttpClient"/>: feeds each response's
/// <c>Remaining-Req</c> header to the <see cref="UpbitRequestPacer"/>, and turns Upbit's error body
/// (<c>{"error":{"name":404,"message":"Code not found"}}</c>) on a 4xx into a <see cref="TradewindException"/>.
/// 429 and 418 pass through to VenueHttp's back-off.
/// </summary>
internal sealed class UpbitRequestGate : HttpMessageHandler
{
    private readonly HttpClient _inner;
    private readonly UpbitRequestPacer _pacer;

    public UpbitRequestGate(HttpClient inner, UpbitRequestPacer pacer)
    {
        _inner = inner;
        _pacer = pacer;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient refuses to send a request message twice, so the caller's client gets a copy (GET only).
        using var forwarded = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var response = await _inner.SendAsync(forwarded, HttpCompletionOption.ResponseContentRead, cancellationToken);
        response.RequestMessage = request;
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        _pacer.Observe(UpbitMarkets.GroupOf(path), response);

        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 and not 429 and not 418)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (TryReadError(text, out var name, out var message))
            {
                response.Dispose();
                throw ToException(path, status, name, message);
            }
        }

        return response;
    }

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
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
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
        catch (JsonException)
        {
            // Not Upbit's JSON (a plain-text 429 or an HTML page): VenueHttp reports the body as it is.
        }

        return false;
    }
}
