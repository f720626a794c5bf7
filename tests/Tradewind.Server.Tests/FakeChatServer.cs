using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tradewind.Server.Tests;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on 127.0.0.1 answering with the recorded shapes in
/// tests/fixtures/llm (see PROVENANCE.md there). It records what it was asked.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeChatServer(WebApplication app) => _app = app;

    /// <summary>What to answer: status code and body, and a delay before answering.</summary>
    public (int Status, string Body, TimeSpan Delay) Answer { get; set; } = (200, Fixture("openai-chat-completion.json"), TimeSpan.Zero);

    public ConcurrentQueue<(string? Authorization, JsonNode Body)> Requests { get; } = new();

    public string BaseUrl => _app.Urls.First();

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted))!;
            server.Requests.Enqueue((context.Request.Headers.Authorization.ToString(), body));
            var (status, answer, delay) = server.Answer;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer, context.RequestAborted);
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>A file of tests/fixtures/llm, found from the test binaries upwards (the repository's own copy).</summary>
    public static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "fixtures", "llm", name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"tests/fixtures/llm/{name} not found above {AppContext.BaseDirectory}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
