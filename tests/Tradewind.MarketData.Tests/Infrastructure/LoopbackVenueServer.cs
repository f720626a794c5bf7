using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tradewind.MarketData.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) that plays a venue. Each test registers handlers that answer with
/// the venue's recorded or documented responses; every request is logged so tests can assert on paging and back-off.
/// </summary>
public sealed class LoopbackVenueServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackVenueServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Requests received, in order: method, path and query string, and body.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Starts a server; <paramref name="map"/> registers routes (e.g. <c>app.MapGet("/api/v3/klines", ...)</c>).</summary>
    public static async Task<LoopbackVenueServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackVenueServer? server = null;
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            server!.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, body));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Urls.First();
        server = new LoopbackVenueServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the fake venue received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Body);
