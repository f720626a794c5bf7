using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues;

namespace Tradewind.MarketData.Tests.Venues;

public sealed class VenueHttpTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task GetJsonAsync_PacerWaitsLongerThanTheTimeout_TheWaitDoesNotCountAgainstIt()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app => app.MapGet("/ping", () => Results.Text("{}", "application/json")));
        var pacer = new RecordingPacer { Wait = TimeSpan.FromMilliseconds(600) };
        var endpoint = new VenueEndpoint { BaseUrl = server.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 1 };
        var http = new VenueHttp("test", Http, endpoint) { Pacer = pacer };

        using var doc = await http.GetJsonAsync("/ping", CancellationToken.None);

        Assert.Equal(["GET /ping weight 1"], pacer.Turns);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetJsonAsync_RetriedAfter429_PacerIsAskedBeforeEveryAttemptAndSeesEveryResponse()
    {
        var calls = 0;
        await using var server = await LoopbackVenueServer.StartAsync(app => app.MapGet("/klines", (HttpContext ctx) =>
        {
            ctx.Response.Headers["X-Used"] = Interlocked.Increment(ref calls).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return calls == 1 ? Results.Text("", statusCode: 429) : Results.Text("[]", "application/json");
        }));
        var pacer = new RecordingPacer();
        var endpoint = new VenueEndpoint { BaseUrl = server.BaseUrl, InitialBackoff = TimeSpan.Zero };
        var http = new VenueHttp("test", Http, endpoint) { Pacer = pacer };

        using var doc = await http.GetJsonAsync("/klines?limit=5", 7, CancellationToken.None);

        Assert.Equal(["GET /klines?limit=5 weight 7", "GET /klines?limit=5 weight 7"], pacer.Turns);
        Assert.Equal(["/klines 429 X-Used=1", "/klines 200 X-Used=2"], pacer.Responses);
        Assert.Equal(1, http.RetryCount);
    }

    [Fact]
    public async Task GetJsonAsync_ClientErrorTheTranslatorKnows_ThrowsTheTranslatedError()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/thing", () => Results.Text("""{"code":7,"msg":"No such thing."}""", "application/json", statusCode: 400)));
        var seen = new ConcurrentQueue<string>();
        var http = new VenueHttp("test", Http, new VenueEndpoint { BaseUrl = server.BaseUrl })
        {
            ErrorTranslator = (request, status, body) =>
            {
                seen.Enqueue($"{request.Path} {status} {body}");
                return new TradewindException(ErrorCode.UnknownSymbol, "translated", "a suggestion");
            },
        };

        var ex = await Assert.ThrowsAsync<TradewindException>(() => http.GetJsonAsync("/api/thing?id=1", CancellationToken.None));

        Assert.Equal(ErrorCode.UnknownSymbol, ex.Code);
        Assert.Equal("translated", ex.Message);
        Assert.Equal(["""/api/thing 400 {"code":7,"msg":"No such thing."}"""], seen);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetJsonAsync_ClientErrorTheTranslatorDoesNotKnow_ReportsStatusAndBody()
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/thing", () => Results.Text("<html>Forbidden</html>", "text/html", statusCode: 403)));
        var http = new VenueHttp("test", Http, new VenueEndpoint { BaseUrl = server.BaseUrl })
        {
            ErrorTranslator = (_, _, _) => null,
        };

        var ex = await Assert.ThrowsAsync<TradewindException>(() => http.GetJsonAsync("/api/thing", CancellationToken.None));

        Assert.Equal(ErrorCode.VenueError, ex.Code);
        Assert.Contains("HTTP 403", ex.Message, StringComparison.Ordinal);
        Assert.Contains("<html>Forbidden</html>", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task GetJsonAsync_StatusOutsideTheClientErrors_NeverAsksTheTranslator(int status)
    {
        await using var server = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/api/thing", () => Results.Text("{}", "application/json", statusCode: status)));
        var asked = 0;
        var endpoint = new VenueEndpoint { BaseUrl = server.BaseUrl, MaxAttempts = 1 };
        var http = new VenueHttp("test", Http, endpoint)
        {
            ErrorTranslator = (_, _, _) =>
            {
                Interlocked.Increment(ref asked);
                return new TradewindException(ErrorCode.VenueError, "translated");
            },
        };

        try
        {
            using var doc = await http.GetJsonAsync("/api/thing", CancellationToken.None);
        }
        catch (TradewindException ex)
        {
            Assert.NotEqual("translated", ex.Message);
        }

        Assert.Equal(0, asked);
    }

    private sealed class RecordingPacer : IVenuePacer
    {
        public TimeSpan Wait { get; init; }

        public ConcurrentQueue<string> Turns { get; } = new();

        public ConcurrentQueue<string> Responses { get; } = new();

        public async ValueTask WaitTurnAsync(VenueRequest request, CancellationToken cancellationToken)
        {
            Turns.Enqueue($"{request.Method} {request.PathAndQuery} weight {request.Weight}");
            if (Wait > TimeSpan.Zero)
            {
                await Task.Delay(Wait, cancellationToken);
            }
        }

        public void Observe(VenueRequest request, HttpResponseMessage response)
        {
            var used = response.Headers.TryGetValues("X-Used", out var values) ? string.Join(",", values) : "-";
            Responses.Enqueue($"{request.Path} {(int)response.StatusCode} X-Used={used}");
        }
    }
}
