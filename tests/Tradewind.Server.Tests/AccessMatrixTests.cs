using System.Net;

namespace Tradewind.Server.Tests;

/// <summary>Every /api/v1 route x every kind of caller: allowed calls pass the gate, refused ones get the right code.</summary>
public sealed class AccessMatrixTests
{
    private static readonly string[] AuthCodes = ["INVALID_API_KEY", "EXPIRED_API_KEY", "INSUFFICIENT_PERMISSIONS", "SESSION_REQUIRED", "AGENT_REQUIRED", "ACCOUNT_REQUIRED"];

    public enum Caller
    {
        NoKey,
        ProvisionalResearch,
        ClaimedReadOnly,
        ClaimedResearchRead,
        ClaimedTrade,
        UserSession,
    }

    [Fact]
    public async Task EveryApiRoute_DeclaresWhoMayCallIt()
    {
        await using var server = await TestServer.StartAsync();
        var routes = ApiRoute.All(server);

        Assert.True(routes.Count >= 20, string.Join("\n", routes));
        Assert.All(routes, r => Assert.True(r.Access is not null, $"{r} has no access requirement"));
    }

    [Fact]
    public async Task Matrix_EveryRouteEveryCaller_GateAnswersAsDeclared()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Tradewind:MaxAgentsPerUser"] = "1000" });
        var owner = await server.UserSessionAsync("owner");
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var route in ApiRoute.All(server))
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                // Fresh credentials per cell: some routes (rotate, revoke, logout) end the credential that calls them.
                var token = caller switch
                {
                    Caller.NoKey => null,
                    Caller.ProvisionalResearch => (await server.RegisterAsync()).Key,
                    Caller.ClaimedReadOnly => (await server.ClaimedKeyAsync(owner, """["read"]""")).Key,
                    Caller.ClaimedResearchRead => (await server.ClaimedKeyAsync(owner)).Key,
                    Caller.ClaimedTrade => (await server.ClaimedKeyAsync(owner, """["research","read","trade"]""")).Key,
                    _ => await server.UserSessionAsync("user" + checkedCount),
                };
                var (response, body) = await server.SendAsync(TestServer.Request(
                    new HttpMethod(route.Method), route.RelativePath, token, route.AcceptsBody ? "{}" : null));
                var code = (string?)body["error"]?["code"];
                var expected = Expected(route, caller);
                checkedCount++;
                if (expected is null ? code is not null && AuthCodes.Contains(code) : code != expected.Value.Code || response.StatusCode != expected.Value.Status)
                {
                    failures.Add($"{route} as {caller}: expected {(expected is null ? "to pass the gate" : $"{(int)expected.Value.Status} {expected.Value.Code}")}, got {(int)response.StatusCode} {code}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedCount >= 120);
    }

    private static (HttpStatusCode Status, string Code)? Expected(ApiRoute route, Caller caller)
    {
        var access = route.Access!;
        var isAgent = caller is Caller.ProvisionalResearch or Caller.ClaimedReadOnly or Caller.ClaimedResearchRead or Caller.ClaimedTrade;
        switch (access.Kind)
        {
            case Identity.AccessKind.Public:
                return null;
            case Identity.AccessKind.User:
                return caller == Caller.UserSession ? null : (HttpStatusCode.Unauthorized, "SESSION_REQUIRED");
            default:
                if (caller == Caller.NoKey)
                {
                    return (HttpStatusCode.Unauthorized, "INVALID_API_KEY");
                }

                if (!isAgent)
                {
                    return (HttpStatusCode.Forbidden, "AGENT_REQUIRED");
                }

                var scopes = caller switch
                {
                    Caller.ProvisionalResearch => new[] { "research" },
                    Caller.ClaimedReadOnly => ["read"],
                    Caller.ClaimedResearchRead => ["research", "read"],
                    _ => ["research", "read", "trade"],
                };
                if (access.Scope is { } scope && !scopes.Contains(scope))
                {
                    return (HttpStatusCode.Forbidden, "INSUFFICIENT_PERMISSIONS");
                }

                return access.ClaimedOnly && caller == Caller.ProvisionalResearch ? (HttpStatusCode.Forbidden, "ACCOUNT_REQUIRED") : null;
        }
    }
}
