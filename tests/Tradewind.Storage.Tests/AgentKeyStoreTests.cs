using Tradewind.Storage.Security;

namespace Tradewind.Storage.Tests;

public sealed class AgentKeyStoreTests
{
    private const long Now = 1_750_000_000_000;

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Create_ThenFindByLookup_ReturnsHashNotKey(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var keys = new SqlAgentKeyStore(db.Database);
        var (key, token) = await NewKeyAsync(keys, "k1");

        var found = await keys.FindByLookupAsync(key.Lookup, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("MyBot", found.DisplayName);
        Assert.Equal(["research"], found.ScopeList);
        Assert.True(SecretToken.Matches(token, found.KeyHash));
        Assert.Null(await keys.FindByLookupAsync("nope", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Claim_ValidCode_SetsOwnerScopesAndClearsExpiry(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var keys = new SqlAgentKeyStore(db.Database);
        await NewUserAsync(db, "u1");
        await NewKeyAsync(keys, "k1");
        await keys.CreateClaimCodeAsync(Code("ABC123", "k1"), CancellationToken.None);

        var result = await keys.ClaimAsync("ABC123", "u1", "research,read", 10, Now + 1, CancellationToken.None);

        Assert.Equal(ClaimOutcome.Claimed, result.Outcome);
        Assert.Equal(1, result.ClaimedAgents);
        var key = await keys.GetAsync("k1", CancellationToken.None);
        Assert.Equal(AgentKeyStatus.Claimed, key!.Status);
        Assert.Equal("u1", key.OwnerUserId);
        Assert.Equal(["research", "read"], key.ScopeList);
        Assert.Null(key.ExpiresAt);

        // A code works once.
        Assert.Equal(ClaimOutcome.InvalidCode, (await keys.ClaimAsync("ABC123", "u1", "research", 10, Now + 2, CancellationToken.None)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Claim_ExpiredOrUnknownCode_InvalidCode(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var keys = new SqlAgentKeyStore(db.Database);
        await NewUserAsync(db, "u1");
        await NewKeyAsync(keys, "k1");
        await keys.CreateClaimCodeAsync(Code("ABC123", "k1"), CancellationToken.None);

        Assert.Equal(ClaimOutcome.InvalidCode, (await keys.ClaimAsync("ABC123", "u1", "research", 10, Now + 1_800_000, CancellationToken.None)).Outcome);
        Assert.Equal(ClaimOutcome.InvalidCode, (await keys.ClaimAsync("ZZZ999", "u1", "research", 10, Now, CancellationToken.None)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Claim_KeyOfAnotherUser_OwnedByOtherUserAndCodeStaysUnused(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var keys = new SqlAgentKeyStore(db.Database);
        await NewUserAsync(db, "u1");
        await NewUserAsync(db, "u2");
        await NewKeyAsync(keys, "k1");
        await keys.CreateClaimCodeAsync(Code("AAA111", "k1"), CancellationToken.None);
        await keys.CreateClaimCodeAsync(Code("BBB222", "k1"), CancellationToken.None);
        Assert.Equal(ClaimOutcome.Claimed, (await keys.ClaimAsync("AAA111", "u1", "research", 10, Now, CancellationToken.None)).Outcome);

        var result = await keys.ClaimAsync("BBB222", "u2", "research", 10, Now, CancellationToken.None);

        Assert.Equal(ClaimOutcome.OwnedByOtherUser, result.Outcome);
        Assert.Equal("u1", (await keys.GetAsync("k1", CancellationToken.None))!.OwnerUserId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Claim_BeyondLimit_AgentLimitReachedUntilOneIsRevoked(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var keys = new SqlAgentKeyStore(db.Database);
        await NewUserAsync(db, "u1");
        for (var i = 0; i < 3; i++)
        {
            await NewKeyAsync(keys, $"k{i}");
            await keys.CreateClaimCodeAsync(Code($"CODE{i}0", $"k{i}"), CancellationToken.None);
        }

        Assert.Equal(ClaimOutcome.Claimed, (await keys.ClaimAsync("CODE00", "u1", "research", 2, Now, CancellationToken.None)).Outcome);
        Assert.Equal(ClaimOutcome.Claimed, (await keys.ClaimAsync("CODE10", "u1", "research", 2, Now, CancellationToken.None)).Outcome);
        Assert.Equal(ClaimOutcome.AgentLimitReached, (await keys.ClaimAsync("CODE20", "u1", "research", 2, Now, CancellationToken.None)).Outcome);

        Assert.True(await keys.RevokeAsync("k0", Now, CancellationToken.None));
        Assert.Equal(ClaimOutcome.Claimed, (await keys.ClaimAsync("CODE20", "u1", "research", 2, Now, CancellationToken.None)).Outcome);
        Assert.Equal(3, (await keys.ListByOwnerAsync("u1", CancellationToken.None)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Claim_ManyAtOnce_NeverExceedsLimit(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var keys = new SqlAgentKeyStore(db.Database);
        await NewUserAsync(db, "u1");
        for (var i = 0; i < 8; i++)
        {
            await NewKeyAsync(keys, $"k{i}");
            await keys.CreateClaimCodeAsync(Code($"CODE{i}0", $"k{i}"), CancellationToken.None);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => keys.ClaimAsync($"CODE{i}0", "u1", "research", 5, Now, CancellationToken.None))));

        Assert.Equal(5, results.Count(r => r.Outcome == ClaimOutcome.Claimed));
        Assert.Equal(3, results.Count(r => r.Outcome == ClaimOutcome.AgentLimitReached));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Rotate_ReplacesHash_RevokeIsFinal(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var keys = new SqlAgentKeyStore(db.Database);
        var (key, _) = await NewKeyAsync(keys, "k1");
        var fresh = SecretToken.Create("tw_prov_");

        Assert.True(await keys.RotateAsync("k1", fresh.Lookup, fresh.Hash, Now, CancellationToken.None));
        Assert.Null(await keys.FindByLookupAsync(key.Lookup, CancellationToken.None));
        Assert.True(SecretToken.Matches(fresh.Token, (await keys.FindByLookupAsync(fresh.Lookup, CancellationToken.None))!.KeyHash));

        Assert.True(await keys.RevokeAsync("k1", Now, CancellationToken.None));
        Assert.False(await keys.RevokeAsync("k1", Now, CancellationToken.None));
        Assert.False(await keys.RotateAsync("k1", "x", "y", Now, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task DeleteExpiredProvisional_RemovesOnlyExpiredUnclaimed(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var keys = new SqlAgentKeyStore(db.Database);
        await NewKeyAsync(keys, "old", expiresAt: Now - 1);
        await NewKeyAsync(keys, "young", expiresAt: Now + 1000);

        Assert.Equal(1, await keys.DeleteExpiredProvisionalAsync(Now, CancellationToken.None));
        Assert.Null(await keys.GetAsync("old", CancellationToken.None));
        Assert.NotNull(await keys.GetAsync("young", CancellationToken.None));
    }

    internal static async Task NewUserAsync(TestDatabase db, string id) =>
        Assert.True(await new SqlUserStore(db.Database).CreateAsync(
            new UserAccount { Id = id, Username = "user-" + id, PasswordHash = "$argon2id$x", CreatedAt = Now }, CancellationToken.None));

    private static async Task<(AgentKey Key, string Token)> NewKeyAsync(SqlAgentKeyStore keys, string id, long? expiresAt = null)
    {
        var secret = SecretToken.Create("tw_prov_");
        var key = new AgentKey
        {
            Id = id,
            Lookup = secret.Lookup,
            KeyHash = secret.Hash,
            DisplayName = "MyBot",
            Scopes = "research",
            Status = AgentKeyStatus.Provisional,
            CreatedAt = Now,
            ExpiresAt = expiresAt ?? Now + 86_400_000,
        };
        await keys.CreateAsync(key, CancellationToken.None);
        return (key, secret.Token);
    }

    private static ClaimCode Code(string code, string keyId) =>
        new() { Code = code, KeyId = keyId, DisplayName = "MyBot", CreatedAt = Now, ExpiresAt = Now + 1_800_000 };
}
