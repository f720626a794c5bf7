using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues;

/// <summary>
/// The HTTP plumbing every venue client shares: JSON GET/POST relative to the endpoint's base URL, back-off on
/// 429 (rate limited) and 418 (Binance's IP ban) honouring <c>Retry-After</c>, retries on 5xx and timeouts, and
/// venue errors turned into <see cref="TradewindException"/> that name the venue, the path and the status.
/// A venue with a rate-limit budget plugs in a <see cref="Pacer"/>; one with its own error bodies plugs in an
/// <see cref="ErrorTranslator"/>. Waits use the injected <see cref="TimeProvider"/>, so tests run without sleeping.
/// </summary>
public sealed class VenueHttp
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public VenueHttp(string venue, HttpClient http, VenueEndpoint endpoint, TimeProvider? time = null)
    {
        Venue = venue;
        _http = http;
        Endpoint = endpoint;
        _time = time ?? TimeProvider.System;
    }

    public string Venue { get; }

    public VenueEndpoint Endpoint { get; }

    /// <summary>Asked before every attempt and told of every response; null when the venue needs no pacing.</summary>
    public IVenuePacer? Pacer { get; init; }

    /// <summary>Reads the venue's error body on a 4xx; null when the status and the body as they are say enough.</summary>
    public VenueErrorTranslator? ErrorTranslator { get; init; }

    /// <summary>How many times a request was retried after a 429/418/5xx, for tests and diagnostics.</summary>
    public int RetryCount { get; private set; }

    public Task<JsonDocument> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        GetJsonAsync(pathAndQuery, 1, cancellationToken);

    /// <summary>A GET that costs <paramref name="weight"/> against the venue's rate limit (see <see cref="Pacer"/>).</summary>
    public Task<JsonDocument> GetJsonAsync(string pathAndQuery, int weight, CancellationToken cancellationToken) =>
        SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Resolve(pathAndQuery)),
            new VenueRequest("GET", pathAndQuery, weight),
            cancellationToken);

    public Task<JsonDocument> PostJsonAsync(string path, string jsonBody, CancellationToken cancellationToken) =>
        SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, Resolve(path))
            {
                Content = new StringContent(jsonBody, Encoding.UTF8, "application/json"),
            },
            new VenueRequest("POST", path, 1),
            cancellationToken);

    private Uri Resolve(string pathAndQuery)
    {
        var baseText = Endpoint.BaseUrl.ToString().TrimEnd('/');
        return new Uri(baseText + "/" + pathAndQuery.TrimStart('/'), UriKind.Absolute);
    }

    private async Task<JsonDocument> SendAsync(Func<HttpRequestMessage> makeRequest, VenueRequest call, CancellationToken cancellationToken)
    {
        var (method, path) = (call.Method, call.PathAndQuery);
        var backoff = Endpoint.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            // The pacer's wait comes before the timeout starts: waiting for the rate budget is not the venue being slow.
            if (Pacer is { } pacer)
            {
                await pacer.WaitTurnAsync(call, cancellationToken);
            }

            using var request = makeRequest();
            HttpResponseMessage? response = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Endpoint.Timeout);
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (attempt >= Endpoint.MaxAttempts)
                    {
                        throw new TradewindException(
                            ErrorCode.VenueError,
                            $"{Venue}: {method} {path} timed out after {Endpoint.Timeout.TotalSeconds:0}s ({attempt} attempts).",
                            "Check the network or the configured base URL, or raise the timeout.");
                    }

                    await DelayAsync(backoff, cancellationToken);
                    backoff = Next(backoff);
                    RetryCount++;
                    continue;
                }
                catch (HttpRequestException ex)
                {
                    if (attempt >= Endpoint.MaxAttempts)
                    {
                        throw new TradewindException(
                            ErrorCode.VenueError,
                            $"{Venue}: request to {path} failed: {ex.Message}",
                            $"Check the network and the base URL ({Endpoint.BaseUrl}).",
                            ex);
                    }

                    await DelayAsync(backoff, cancellationToken);
                    backoff = Next(backoff);
                    RetryCount++;
                    continue;
                }

                Pacer?.Observe(call, response);
                var status = (int)response.StatusCode;
                if (response.StatusCode is HttpStatusCode.TooManyRequests || status == 418 || status >= 500)
                {
                    if (attempt >= Endpoint.MaxAttempts)
                    {
                        var body = await response.Content.ReadAsStringAsync(cancellationToken);
                        throw new TradewindException(
                            status is 429 or 418 ? ErrorCode.RateLimited : ErrorCode.VenueError,
                            $"{Venue}: {method} {path} answered HTTP {status} after {attempt} attempts: {Truncate(body)}",
                            status is 429 or 418 ? "The venue is rate-limiting this IP; wait and retry, or lower the request rate." : "The venue is failing; retry later.")
                        {
                            Details = StatusDetails(status, body),
                        };
                    }

                    var wait = RetryAfter(response) ?? backoff;
                    await DelayAsync(wait < Endpoint.MaxBackoff ? wait : Endpoint.MaxBackoff, cancellationToken);
                    backoff = Next(backoff);
                    RetryCount++;
                    continue;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (status is >= 400 and < 500 && ErrorTranslator?.Invoke(call, status, text) is { } venueError)
                {
                    throw venueError;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new TradewindException(
                        ErrorCode.VenueError,
                        $"{Venue}: {method} {path} answered HTTP {status}: {Truncate(text)}",
                        "Check the symbol, the timeframe and the parameters against the venue's documentation.")
                    {
                        Details = StatusDetails(status, text),
                    };
                }

                try
                {
                    return JsonDocument.Parse(text);
                }
                catch (JsonException ex)
                {
                    throw new TradewindException(
                        ErrorCode.VenueError,
                        $"{Venue}: {path} answered with malformed JSON ({ex.Message}): {Truncate(text)}",
                        "The venue or a proxy returned something other than its API response; check the base URL.",
                        ex);
                }
            }
            finally
            {
                response?.Dispose();
            }
        }
    }

    private TimeSpan Next(TimeSpan backoff)
    {
        var doubled = backoff * 2;
        return doubled < Endpoint.MaxBackoff ? doubled : Endpoint.MaxBackoff;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        // Some venues send a bare number that HttpClient does not parse into the typed header.
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }

    private Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _time, cancellationToken);

    /// <summary>The HTTP status and body travel with the error so a client can map venue answers (e.g. 404) to its own codes.</summary>
    private Dictionary<string, object?> StatusDetails(int status, string body) => new()
    {
        ["venue"] = Venue,
        ["status"] = status,
        ["body"] = Truncate(body),
    };

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "...";
}
