using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Tradewind.Server.Tests;

public sealed class IdentityTests
{
    [Fact]
    public async Task Key_InXApiKeyHeader_IsAccepted()
    {
        await using var server = await TestServer.StartAsync();
        var (key, id) = await server.RegisterAsync();

        var (response, body) = await server.SendAsync(TestServer.Request(HttpMethod.Get, "meta/agents/me", key, xApiKey: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, (string?)body["data"]!["agent_id"]);
        Assert.Equal("provisional", (string?)body["data"]!["status"]);
    }

    [Theory]
    [InlineData("tw_prov_AAAAAAAAAAAABBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")]
    [InlineData("ht_prov_something")]
    [InlineData("garbage")]
    public async Task Key_Unknown_InvalidApiKey(string key)
    {
        await using var server = await TestServer.StartAsync();
        var (response, body) = await server.GetAsync("meta/indicators", key);
        Envelopes.AssertError(response, body, HttpStatusCode.Unauthorized, "INVALID_API_KEY");
    }

    [Fact]
    public async Task Key_After24HoursUnclaimed_ExpiredApiKey()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(time: time);
        var (key, _) = await server.RegisterAsync();
        time.Advance(TimeSpan.FromHours(23));
        Assert.True((await server.GetAsync("meta/agents/me", key)).Response.IsSuccessStatusCode);

        time.Advance(TimeSpan.FromHours(1));
        var (response, body) = await server.GetAsync("meta/agents/me", key);
        Envelopes.AssertError(response, body, HttpStatusCode.Unauthorized, "EXPIRED_API_KEY");
    }

    [Fact]
    public async Task Claim_Default_ResearchAndReadAndNoExpiry()
    {
        await using var server = await TestServer.StartAsync();
        var session = await server.UserSessionAsync("ada");
        var (key, id) = await server.ClaimedKeyAsync(session);

        var (_, me) = await server.GetAsync("meta/agents/me", key);
        Assert.Equal("claimed", (string?)me["data"]!["status"]);
        Assert.Equal("""["research","read"]""", me["data"]!["scopes"]!.ToJsonString());
        Assert.Null(me["data"]!["expires_at"]);

        var (_, agents) = await server.GetAsync("users/agents", session);
        Assert.Equal(id, (string?)agents["data"]!["agents"]![0]!["agent_id"]);
    }

    [Fact]
    public async Task Claim_TradeOnlyByOptIn()
    {
        await using var server = await TestServer.StartAsync();
        var session = await server.UserSessionAsync("ada");
        var (key, _) = await server.ClaimedKeyAsync(session, """["research","trade"]""");

        var (_, me) = await server.GetAsync("meta/agents/me", key);
        Assert.Equal("""["research","trade"]""", me["data"]!["scopes"]!.ToJsonString());
    }

    [Fact]
    public async Task Claim_BadCodeOrScope_TeachingErrors()
    {
        await using var server = await TestServer.StartAsync();
        var session = await server.UserSessionAsync("ada");
        var (key, _) = await server.RegisterAsync();
        var (_, claim) = await server.PostAsync("meta/request-claim", "{}", key);
        var code = (string)claim["data"]!["claim_code"]!;

        var (r1, b1) = await server.PostAsync("users/claim", """{"claim_code":"ZZZZZZ"}""", session);
        Envelopes.AssertError(r1, b1, HttpStatusCode.BadRequest, "INVALID_CLAIM_CODE");

        var (r2, b2) = await server.PostAsync("users/claim", $$"""{"claim_code":"{{code}}","scopes":["research","admin"]}""", session);
        Envelopes.AssertError(r2, b2, HttpStatusCode.BadRequest, "INVALID_PERMISSIONS");
        Assert.Contains("scopes[1]", (string?)b2["error"]!["message"], StringComparison.Ordinal);

        // The refused claims did not use the code up.
        var (r3, _) = await server.PostAsync("users/claim", $$"""{"claim_code":"{{code.ToLowerInvariant()}}"}""", session);
        Assert.Equal(HttpStatusCode.OK, r3.StatusCode);
    }

    [Fact]
    public async Task Claim_KeyOfAnotherUser_KeyOwnedByOtherUser()
    {
        await using var server = await TestServer.StartAsync();
        var ada = await server.UserSessionAsync("ada");
        var bob = await server.UserSessionAsync("bob");
        var (key, _) = await server.ClaimedKeyAsync(ada);
        var (_, claim) = await server.PostAsync("meta/request-claim", "{}", key);

        var (response, body) = await server.PostAsync("users/claim", $$"""{"claim_code":"{{(string)claim["data"]!["claim_code"]!}}"}""", bob);

        Envelopes.AssertError(response, body, HttpStatusCode.Forbidden, "KEY_OWNED_BY_OTHER_USER");
    }

    [Fact]
    public async Task Claim_BeyondMaxAgents_AgentLimitReached()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Tradewind:MaxAgentsPerUser"] = "2" });
        var session = await server.UserSessionAsync("ada");
        await server.ClaimedKeyAsync(session);
        await server.ClaimedKeyAsync(session);
        var (key, _) = await server.RegisterAsync();
        var (_, claim) = await server.PostAsync("meta/request-claim", "{}", key);

        var (response, body) = await server.PostAsync("users/claim", $$"""{"claim_code":"{{(string)claim["data"]!["claim_code"]!}}"}""", session);

        Envelopes.AssertError(response, body, HttpStatusCode.Forbidden, "AGENT_LIMIT_REACHED");
        Assert.Equal(2, (int)body["error"]!["details"]!["limit"]!);
    }

    [Fact]
    public async Task Rotate_OldKeyStops_NewKeyWorks_RevokeEndsIt()
    {
        await using var server = await TestServer.StartAsync();
        var (key, id) = await server.RegisterAsync();

        var (_, rotated) = await server.PostAsync("meta/agents/me/rotate", null, key);
        var fresh = (string)rotated["data"]!["api_key"]!;
        Assert.Equal(id, (string?)rotated["data"]!["key_id"]);
        Envelopes.AssertError(
            (await server.GetAsync("meta/agents/me", key)).Response, (await server.GetAsync("meta/agents/me", key)).Body, HttpStatusCode.Unauthorized, "INVALID_API_KEY");
        Assert.True((await server.GetAsync("meta/agents/me", fresh)).Response.IsSuccessStatusCode);

        Assert.True((await server.PostAsync("meta/agents/me/revoke", null, fresh)).Response.IsSuccessStatusCode);
        var (response, body) = await server.GetAsync("meta/agents/me", fresh);
        Envelopes.AssertError(response, body, HttpStatusCode.Unauthorized, "INVALID_API_KEY");
    }

    [Fact]
    public async Task User_RevokesOwnAgent_NotSomeoneElses()
    {
        await using var server = await TestServer.StartAsync();
        var ada = await server.UserSessionAsync("ada");
        var bob = await server.UserSessionAsync("bob");
        var (key, id) = await server.ClaimedKeyAsync(ada);

        var (r1, b1) = await server.PostAsync($"users/agents/{id}/revoke", null, bob);
        Envelopes.AssertError(r1, b1, HttpStatusCode.Forbidden, "NOT_OWNER");
        Assert.True((await server.PostAsync($"users/agents/{id}/revoke", null, ada)).Response.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.GetAsync("meta/agents/me", key)).Response.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_InvalidCredentials_SignUpCanBeSwitchedOff()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Tradewind:AllowSignUp"] = "false" });

        var (r1, b1) = await server.PostAsync("users/signup", """{"username":"ada","password":"correct horse battery"}""");
        Envelopes.AssertError(r1, b1, HttpStatusCode.Forbidden, "SIGNUP_DISABLED");
        var (r2, b2) = await server.PostAsync("users/login", """{"username":"ada","password":"wrong password"}""");
        Envelopes.AssertError(r2, b2, HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Register_SixthFromOneAddressInAnHour_RegistrationLimitWithRetryAfter()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Tradewind:RegistrationsPerHourPerIp"] = "5" });
        for (var i = 0; i < 5; i++)
        {
            await server.RegisterAsync();
        }

        var (response, body) = await server.PostAsync("meta/register", """{"display_name":"MyBot"}""");

        Envelopes.AssertError(response, body, HttpStatusCode.TooManyRequests, "REGISTRATION_LIMIT");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Requests_OverPerMinuteLimit_RateLimitedWithRetryAfter()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Tradewind:RequestsPerMinute"] = "3" });
        var (key, _) = await server.RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await server.GetAsync("meta/agents/me", key)).Response.IsSuccessStatusCode);
        }

        var (response, body) = await server.GetAsync("meta/agents/me", key);

        Envelopes.AssertError(response, body, HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 });
        Assert.Equal(3, (int)body["error"]!["details"]!["limit"]!);
    }
}
