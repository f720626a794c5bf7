using Tradewind.Storage.Security;

namespace Tradewind.Storage.Tests;

public sealed class SecurityTests
{
    [Fact]
    public void SecretToken_Create_HashMatchesOnlyTheToken()
    {
        var issued = SecretToken.Create("tw_prov_");

        Assert.StartsWith("tw_prov_", issued.Token, StringComparison.Ordinal);
        Assert.Equal(8 + SecretToken.LookupLength + SecretToken.SecretLength, issued.Token.Length);
        Assert.DoesNotContain(issued.Token, issued.Hash, StringComparison.Ordinal);
        Assert.True(SecretToken.Matches(issued.Token, issued.Hash));
        Assert.False(SecretToken.Matches(issued.Token[..^1] + (issued.Token[^1] == 'a' ? 'b' : 'a'), issued.Hash));
        Assert.False(SecretToken.Matches(issued.Token, "not-hex"));
    }

    [Fact]
    public void SecretToken_TryGetLookup_AcceptsOnlyTheTokenShape()
    {
        var issued = SecretToken.Create("tw_live_");

        Assert.True(SecretToken.TryGetLookup(issued.Token, "tw_live_", out var lookup));
        Assert.Equal(issued.Lookup, lookup);
        Assert.False(SecretToken.TryGetLookup(issued.Token, "tw_prov_", out _));
        Assert.False(SecretToken.TryGetLookup(issued.Token + "x", "tw_live_", out _));
        Assert.False(SecretToken.TryGetLookup("tw_live_" + new string('!', 44), "tw_live_", out _));
        Assert.False(SecretToken.TryGetLookup(null, "tw_live_", out _));
    }

    [Fact]
    public void SecretToken_Create_TwoTokensDiffer()
    {
        Assert.NotEqual(SecretToken.Create("tw_prov_").Token, SecretToken.Create("tw_prov_").Token);
    }

    [Fact]
    public async Task PasswordHasher_HashThenVerify_AcceptsOnlyThePassword()
    {
        var hasher = new PasswordHasher(memoryKiB: 1024, iterations: 1);
        var phc = await hasher.HashAsync("correct horse battery staple");

        Assert.StartsWith("$argon2id$v=19$m=1024,t=1,p=1$", phc, StringComparison.Ordinal);
        Assert.DoesNotContain("correct", phc, StringComparison.Ordinal);
        Assert.True(await PasswordHasher.VerifyAsync("correct horse battery staple", phc));
        Assert.False(await PasswordHasher.VerifyAsync("correct horse battery stapl", phc));
    }

    [Fact]
    public async Task PasswordHasher_SamePasswordTwice_SaltsDiffer()
    {
        var hasher = new PasswordHasher(memoryKiB: 1024, iterations: 1);
        Assert.NotEqual(await hasher.HashAsync("pw"), await hasher.HashAsync("pw"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$!!!$!!!")]
    [InlineData("$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA")]
    [InlineData("$argon2id$v=19$m=1,t=1,p=1$c2FsdHNhbHQ$aGFzaA")]
    public async Task PasswordHasher_MalformedHash_NeverMatches(string phc)
    {
        Assert.False(await PasswordHasher.VerifyAsync("pw", phc));
    }
}
