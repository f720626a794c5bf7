using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Tradewind.Server;

namespace Tradewind.Cli.Tests;

/// <summary>
/// <c>tradewind users add|claim</c> against the database a real server uses: the server (on loopback, same data
/// directory) issues the key and the claim code, the CLI claims it, and the server then sees the claimed scopes.
/// </summary>
[Collection(StandardInputCollection.Name)]
public sealed class UsersCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TextReader _stdin = Console.In;

    [Fact]
    public async Task AddThenClaim_AgentGetsTheChosenScopes_AndTheServerSeesThem()
    {
        await using var server = await StartServerAsync();
        var register = await PostAsync(server, "meta/register", "{\"display_name\":\"MyBot\"}", null);
        var key = register["data"]!["api_key"]!.GetValue<string>();
        var claim = await PostAsync(server, "meta/request-claim", "{\"display_name\":\"MyBot\"}", key);
        var code = claim["data"]!["claim_code"]!.GetValue<string>();

        Console.SetIn(new StringReader("correct horse battery staple\n"));
        var (addExit, addOutput) = await _cli.RunAsync("users", "add", "alice", "--password-stdin", "--data-dir", _cli.DataDir);
        var (claimExit, claimOutput) = await _cli.RunAsync("users", "claim", code, "--user", "alice", "--scopes", "research,read", "--data-dir", _cli.DataDir);

        Assert.True(addExit == 0, addOutput);
        Assert.True(claimExit == 0, claimOutput);
        var me = await GetAsync(server, "meta/agents/me", key);
        var scopes = me["data"]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["read", "research"], scopes);
        Assert.DoesNotContain(key, addOutput + claimOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_UnknownCode_InvalidClaimCodeAndExit2()
    {
        Console.SetIn(new StringReader("correct horse battery staple\n"));
        await _cli.RunAsync("users", "add", "bob", "--password-stdin", "--data-dir", _cli.DataDir);

        var (exit, output) = await _cli.RunAsync("users", "claim", "ZZZZZZ", "--user", "bob", "--data-dir", _cli.DataDir);

        Assert.Equal(2, exit);
        Assert.Contains("INVALID_CLAIM_CODE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_SameUserTwice_SecondIsRefusedWithExit2()
    {
        Console.SetIn(new StringReader("correct horse battery staple\n"));
        var (first, _) = await _cli.RunAsync("users", "add", "carol", "--password-stdin", "--data-dir", _cli.DataDir);
        Console.SetIn(new StringReader("another long password\n"));
        var (second, output) = await _cli.RunAsync("users", "add", "carol", "--password-stdin", "--data-dir", _cli.DataDir);

        Assert.Equal(0, first);
        Assert.Equal(2, second);
        Assert.Contains("carol", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Console.SetIn(_stdin);
        _cli.Dispose();
    }

    private async Task<WebApplication> StartServerAsync()
    {
        var app = await TradewindServer.BuildAsync([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tradewind:DataDirectory"] = _cli.DataDir });
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<JsonNode> PostAsync(WebApplication app, string path, string json, string? key)
    {
        using var http = Client(app, key);
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private static async Task<JsonNode> GetAsync(WebApplication app, string path, string key)
    {
        using var http = Client(app, key);
        return (await http.GetFromJsonAsync<JsonNode>(new Uri(path, UriKind.Relative)))!;
    }

    private static HttpClient Client(WebApplication app, string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/api/v1/") };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }
}
