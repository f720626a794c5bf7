using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Binance;

/// <summary>
/// Sits between <see cref="VenueHttp"/> and the caller's <see cref="HttpClient"/>. It reads the used-weight header of
/// every response into the <see cref="BinanceWeightPacer"/>, and turns Binance's error body
/// (<c>{"code":-1121,"msg":"Invalid symbol."}</c>) on a 4xx into a <see cref="TradewindException"/> that names the
/// code and the message. 429 and 418 pass through untouched: VenueHttp backs off on those.
/// </summary>
internal sealed class BinanceRequestGate : HttpMessageHandler
{
    /// <summary>Binance's code for a symbol it does not list.</summary>
    public const int InvalidSymbolCode = -1121;

    /// <summary>The key in <see cref="TradewindException.Details"/> that carries Binance's error code.</summary>
    public const string VenueCodeDetail = "venue_code";

    private readonly HttpClient _inner;
    private readonly BinanceMarket _market;
    private readonly BinanceWeightPacer _pacer;

    public BinanceRequestGate(HttpClient inner, BinanceMarket market, BinanceWeightPacer pacer)
    {
        _inner = inner;
        _market = market;
        _pacer = pacer;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient refuses to send a request message twice, so the caller's client gets a copy.
        using var forwarded = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            forwarded.Content = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                forwarded.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        var response = await _inner.SendAsync(forwarded, HttpCompletionOption.ResponseContentRead, cancellationToken);
        response.RequestMessage = request;
        _pacer.Observe(response);

        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 and not 429 and not 418)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (TryReadError(text, out var code, out var message))
            {
                response.Dispose();
                throw ToException(request.RequestUri, status, code, message);
            }
        }

        return response;
    }

    private TradewindException ToException(Uri? uri, int status, int code, string message)
    {
        var path = uri?.AbsolutePath ?? "?";
        var details = new Dictionary<string, object?> { [VenueCodeDetail] = code, ["http_status"] = status };
        var codeText = code.ToString(CultureInfo.InvariantCulture);
        return code switch
        {
            InvalidSymbolCode => new TradewindException(
                ErrorCode.UnknownSymbol,
                $"{_market.Venue}: {path} rejected the symbol (Binance error {codeText} \"{message}\").",
                "Check the symbol against the venue's instrument list.")
            {
                Details = details,
            },
            -1003 => new TradewindException(
                ErrorCode.RateLimited,
                $"{_market.Venue}: {path} answered Binance error {codeText} \"{message}\".",
                "The IP is over Binance's request weight; wait a minute and retry.")
            {
                Details = details,
            },
            _ => new TradewindException(
                ErrorCode.VenueError,
                $"{_market.Venue}: {path} answered HTTP {status.ToString(CultureInfo.InvariantCulture)} with Binance error {codeText} \"{message}\".",
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
        try
        {
            using var doc = JsonDocument.Parse(text);
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
        catch (JsonException)
        {
            // Not Binance's JSON (an HTML page from a proxy or firewall): VenueHttp reports the body as it is.
        }

        return false;
    }
}
