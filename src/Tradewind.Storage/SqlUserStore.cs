using Dapper;
using Tradewind.Storage.Migrations;

namespace Tradewind.Storage;

/// <summary><see cref="IUserStore"/> on SQLite or PostgreSQL (the statements are the same in both).</summary>
public sealed class SqlUserStore(TradewindDatabase database) : IUserStore
{
    private const string UserColumns = "id, username, password_hash, created_at";

    public async Task<bool> CreateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO users (id, username, password_hash, created_at) VALUES (@Id, @Username, @PasswordHash, @CreatedAt)",
                user,
                cancellationToken: cancellationToken));
            return true;
        }
        catch (System.Data.Common.DbException ex) when (SchemaMigrator.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<UserAccount?> FindByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE username = @username", new { username }, cancellationToken: cancellationToken));
    }

    public async Task<UserAccount?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: cancellationToken));
    }

    public async Task CreateSessionAsync(UserSession session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO user_sessions (lookup, token_hash, user_id, created_at, expires_at) VALUES (@Lookup, @TokenHash, @UserId, @CreatedAt, @ExpiresAt)",
            session,
            cancellationToken: cancellationToken));
    }

    public async Task<UserSession?> FindSessionAsync(string lookup, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserSession>(new CommandDefinition(
            "SELECT lookup, token_hash, user_id, created_at, expires_at FROM user_sessions WHERE lookup = @lookup",
            new { lookup },
            cancellationToken: cancellationToken));
    }

    public async Task DeleteSessionAsync(string lookup, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_sessions WHERE lookup = @lookup", new { lookup }, cancellationToken: cancellationToken));
    }

    public async Task<int> DeleteExpiredSessionsAsync(long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_sessions WHERE expires_at <= @nowMs", new { nowMs }, cancellationToken: cancellationToken));
    }
}
