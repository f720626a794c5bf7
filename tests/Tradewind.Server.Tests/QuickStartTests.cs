using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tradewind.Server.Tests;

/// <summary>The HeyTraders quick start, request for request, with only the base URL changed.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task QuickStart_AsWritten_RegisterListIndicatorsRequestClaim()
    {
        await using var server = await TestServer.StartAsync();
        await QuickStartAsync(server);
    }

    [PostgresFact]
    public async Task QuickStart_OnPostgres_Works()
    {
        await using var server = await TestServer.StartAsync(postgres: true);
        await QuickStartAsync(server);
        var session = await server.UserSessionAsync("pgowner");
        var (key, id) = await server.ClaimedKeyAsync(session);
        var (_, me) = await server.GetAsync("meta/agents/me", key);
        Assert.Equal(id, (string?)me["data"]!["agent_id"]);
        Assert.Equal("claimed", (string?)me["data"]!["status"]);
    }

    internal static async Task QuickStartAsync(TestServer server)
    {
        using var http = new HttpClient();
        var baseUrl = server.Client.BaseAddress!.ToString().TrimEnd('/');

        // 1. curl -X POST -H "Content-Type: application/json" -d '{"display_name":"MyBot"}' $BASE/meta/register
        var register = await http.PostAsync(baseUrl + "/meta/register", new StringContent("""{"display_name":"MyBot"}""", Encoding.UTF8, "application/json"));
        var registered = JsonNode.Parse(await register.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.True((bool)registered["success"]!);
        var apiKey = (string)registered["data"]!["api_key"]!;
        Assert.StartsWith("tw_prov_", apiKey, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)registered["data"]!["key_id"]));
        Assert.NotNull(registered["data"]!["quota"] as JsonObject);
        Assert.Equal("""["research"]""", registered["data"]!["scopes"]!.ToJsonString());

        // 2. curl -H "Authorization: Bearer $KEY" $BASE/meta/indicators
        using var indicatorsRequest = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/meta/indicators");
        indicatorsRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var indicators = await http.SendAsync(indicatorsRequest);
        var indicatorsBody = JsonNode.Parse(await indicators.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, indicators.StatusCode);
        Assert.True((int)indicatorsBody["data"]!["count"]! >= 80);
        Assert.Contains(indicatorsBody["data"]!["indicators"]!.AsArray(), i => (string?)i!["name"] == "rsi");

        // 3. curl -X POST -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"display_name":"MyBot"}' $BASE/meta/request-claim
        using var claimRequest = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/meta/request-claim")
        {
            Content = new StringContent("""{"display_name":"MyBot"}""", Encoding.UTF8, "application/json"),
        };
        claimRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var claim = await http.SendAsync(claimRequest);
        var claimBody = JsonNode.Parse(await claim.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.Matches("^[A-Z0-9]{6}$", (string)claimBody["data"]!["claim_code"]!);
        Assert.Equal(1800, (int)claimBody["data"]!["expires_in"]!);
    }
}
