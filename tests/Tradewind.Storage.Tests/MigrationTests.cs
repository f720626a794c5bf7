using Dapper;
using Tradewind.Core;
using Tradewind.Storage.Migrations;

namespace Tradewind.Storage.Tests;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Open_FreshDatabase_MigratesToLatest(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        await using var connection = await db.Database.OpenConnectionAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrator.LatestVersion, await SchemaMigrator.CurrentVersionAsync(connection, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Open_Again_KeepsDataAndVersion(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        var users = new SqlUserStore(db.Database);
        Assert.True(await users.CreateAsync(new UserAccount { Id = "u1", Username = "ada", PasswordHash = "x", CreatedAt = 1 }, CancellationToken.None));

        await using var again = await TradewindDatabase.OpenAsync(db.Options, CancellationToken.None);
        Assert.Equal("ada", (await new SqlUserStore(again).GetAsync("u1", CancellationToken.None))?.Username);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Dialects), MemberType = typeof(TestDatabase))]
    public async Task Open_DatabaseFromNewerTradewind_RefusedWithDataUnavailable(string dialect)
    {
        await using var db = await TestDatabase.CreateAsync(dialect);
        await using (var connection = await db.Database.OpenConnectionAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)");
        }

        var ex = await Assert.ThrowsAsync<TradewindException>(() => TradewindDatabase.OpenAsync(db.Options, CancellationToken.None));
        Assert.Equal(ErrorCode.DataUnavailable, ex.Code);
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_MalformedPostgresConnectionString_ErrorDoesNotEchoIt()
    {
        var options = new StorageOptions { PostgresConnectionString = "Host=db;Password=hunter2;Bogus Key=1" };

        var ex = await Assert.ThrowsAsync<TradewindException>(() => TradewindDatabase.OpenAsync(options, CancellationToken.None));
        Assert.Equal(ErrorCode.ValidationError, ex.Code);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task PostgresVariant_Configured_ConnectsAndMigrates()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        Assert.Equal(SqlDialect.PostgreSql, db.Database.Dialect);
        Assert.StartsWith("postgresql://", db.Database.Description, StringComparison.Ordinal);
    }
}
