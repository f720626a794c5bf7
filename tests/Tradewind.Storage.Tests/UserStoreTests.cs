namespace Tradewind.Storage.Tests;

public sealed class UserStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Create_DuplicateUsername_ReturnsFalse(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var users = new SqlUserStore(db.Database);

        Assert.True(await users.CreateAsync(new UserAccount { Id = "u1", Username = "ada", PasswordHash = "h", CreatedAt = 1 }, CancellationToken.None));
        Assert.False(await users.CreateAsync(new UserAccount { Id = "u2", Username = "ada", PasswordHash = "h", CreatedAt = 2 }, CancellationToken.None));
        Assert.Equal("u1", (await users.FindByUsernameAsync("ada", CancellationToken.None))?.Id);
        Assert.Equal(1, await users.CountAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Sessions_CreateFindExpire(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var users = new SqlUserStore(db.Database);
        await users.CreateAsync(new UserAccount { Id = "u1", Username = "ada", PasswordHash = "h", CreatedAt = 1 }, CancellationToken.None);
        await users.CreateSessionAsync(new UserSession { Lookup = "L1", TokenHash = "ab", UserId = "u1", CreatedAt = 1, ExpiresAt = 100 }, CancellationToken.None);
        await users.CreateSessionAsync(new UserSession { Lookup = "L2", TokenHash = "cd", UserId = "u1", CreatedAt = 1, ExpiresAt = 300 }, CancellationToken.None);

        Assert.Equal("u1", (await users.FindSessionAsync("L1", CancellationToken.None))?.UserId);
        Assert.Equal(1, await users.DeleteExpiredSessionsAsync(200, CancellationToken.None));
        Assert.Null(await users.FindSessionAsync("L1", CancellationToken.None));
        await users.DeleteSessionAsync("L2", CancellationToken.None);
        Assert.Null(await users.FindSessionAsync("L2", CancellationToken.None));
    }
}
