namespace Tradewind.Server.Tests;

/// <summary>Keys, session tokens and passwords never reach the log, at any level.</summary>
public sealed class LogSecrecyTests
{
    [Fact]
    public async Task FullIdentityFlow_TraceLogs_ContainNoSecret()
    {
        await using var server = await TestServer.StartAsync();
        const string Password = "Sup3r-Secret-Passphrase";
        var secrets = new List<string> { Password };

        var session = await server.UserSessionAsync("ada", Password);
        secrets.Add(session);
        var (key, _) = await server.RegisterAsync();
        secrets.Add(key);
        await server.GetAsync("meta/indicators", key);
        await server.SendAsync(TestServer.Request(HttpMethod.Get, "market/ticker?symbol=BTC/USDT", key, xApiKey: true));
        var (_, claim) = await server.PostAsync("meta/request-claim", "{}", key);
        await server.PostAsync("users/claim", $$"""{"claim_code":"{{(string)claim["data"]!["claim_code"]!}}"}""", session);
        var (_, rotated) = await server.PostAsync("meta/agents/me/rotate", null, key);
        var fresh = (string)rotated["data"]!["api_key"]!;
        secrets.Add(fresh);
        await server.GetAsync("meta/agents/me", key); // the old key, now refused
        await server.PostAsync("users/login", $$"""{"username":"ada","password":"{{Password}}x"}""");
        await server.GetAsync("meta/agents/me", fresh[..^4] + "AAAA");

        var logs = server.Logs.All;
        Assert.NotEmpty(server.Logs.Lines);
        Assert.Contains("Registered provisional agent key", logs, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);

            // Not even the secret part on its own (the lookup prefix is not secret).
            var tail = secret.Length > 20 ? secret[^20..] : secret;
            Assert.DoesNotContain(tail, logs, StringComparison.Ordinal);
        }
    }
}
