using Dapper;

namespace Tradewind.Storage;

/// <summary><see cref="IAgentKeyStore"/> on SQLite or PostgreSQL.</summary>
public sealed class SqlAgentKeyStore(TradewindDatabase database) : IAgentKeyStore
{
    private const string KeyColumns =
        "id, lookup, key_hash, display_name, description, scopes, status, owner_user_id, created_at, expires_at, claimed_at, revoked_at, rotated_at";

    public async Task CreateAsync(AgentKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO agent_keys ({KeyColumns})
            VALUES (@Id, @Lookup, @KeyHash, @DisplayName, @Description, @Scopes, @Status, @OwnerUserId, @CreatedAt, @ExpiresAt, @ClaimedAt, @RevokedAt, @RotatedAt)
            """,
            key,
            cancellationToken: cancellationToken));
    }

    public async Task<AgentKey?> FindByLookupAsync(string lookup, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AgentKey>(new CommandDefinition(
            $"SELECT {KeyColumns} FROM agent_keys WHERE lookup = @lookup", new { lookup }, cancellationToken: cancellationToken));
    }

    public async Task<AgentKey?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AgentKey>(new CommandDefinition(
            $"SELECT {KeyColumns} FROM agent_keys WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AgentKey>> ListByOwnerAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgentKey>(new CommandDefinition(
            $"SELECT {KeyColumns} FROM agent_keys WHERE owner_user_id = @userId ORDER BY claimed_at DESC, id",
            new { userId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task CreateClaimCodeAsync(ClaimCode code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO claim_codes (code, key_id, display_name, description, created_at, expires_at, used_at)
            VALUES (@Code, @KeyId, @DisplayName, @Description, @CreatedAt, @ExpiresAt, @UsedAt)
            """,
            code,
            cancellationToken: cancellationToken));
    }

    public async Task<ClaimResult> ClaimAsync(
        string code, string userId, string scopes, int maxAgentsPerUser, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var tx = await TradewindDatabase.BeginWriteAsync(connection, cancellationToken);
        var claim = await connection.QuerySingleOrDefaultAsync<ClaimCode>(new CommandDefinition(
            "SELECT code, key_id, display_name, description, created_at, expires_at, used_at FROM claim_codes WHERE code = @code AND used_at IS NULL AND expires_at > @nowMs",
            new { code, nowMs },
            tx,
            cancellationToken: cancellationToken));
        if (claim is null)
        {
            return new ClaimResult(ClaimOutcome.InvalidCode, null, 0);
        }

        if (database.Dialect == SqlDialect.PostgreSql)
        {
            // Serialises this user's claims, so two at once cannot both pass the agent-count check.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT id FROM users WHERE id = @userId FOR UPDATE", new { userId }, tx, cancellationToken: cancellationToken));
        }

        var key = await connection.QuerySingleAsync<AgentKey>(new CommandDefinition(
            $"SELECT {KeyColumns} FROM agent_keys WHERE id = @id", new { id = claim.KeyId }, tx, cancellationToken: cancellationToken));
        var owned = (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM agent_keys WHERE owner_user_id = @userId AND status = @claimed",
            new { userId, claimed = AgentKeyStatus.Claimed },
            tx,
            cancellationToken: cancellationToken));
        if (key.Status == AgentKeyStatus.Revoked)
        {
            return new ClaimResult(ClaimOutcome.KeyRevoked, key, owned);
        }

        if (key.OwnerUserId is not null && key.OwnerUserId != userId)
        {
            return new ClaimResult(ClaimOutcome.OwnedByOtherUser, key, owned);
        }

        var alreadyMine = key.OwnerUserId == userId;
        if (!alreadyMine && owned >= maxAgentsPerUser)
        {
            return new ClaimResult(ClaimOutcome.AgentLimitReached, key, owned);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE agent_keys
            SET status = @claimed, owner_user_id = @userId, scopes = @scopes, claimed_at = @nowMs, expires_at = NULL
            WHERE id = @id
            """,
            new { claimed = AgentKeyStatus.Claimed, userId, scopes, nowMs, id = key.Id },
            tx,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE claim_codes SET used_at = @nowMs WHERE code = @code", new { nowMs, code }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        var after = key with
        {
            Status = AgentKeyStatus.Claimed,
            OwnerUserId = userId,
            Scopes = scopes,
            ClaimedAt = nowMs,
            ExpiresAt = null,
        };
        return new ClaimResult(ClaimOutcome.Claimed, after, alreadyMine ? owned : owned + 1);
    }

    public async Task<bool> RevokeAsync(string keyId, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agent_keys SET status = @revoked, revoked_at = @nowMs WHERE id = @keyId AND status <> @revoked",
            new { revoked = AgentKeyStatus.Revoked, nowMs, keyId },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> RotateAsync(string keyId, string newLookup, string newHash, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agent_keys SET lookup = @newLookup, key_hash = @newHash, rotated_at = @nowMs WHERE id = @keyId AND status <> @revoked",
            new { newLookup, newHash, nowMs, keyId, revoked = AgentKeyStatus.Revoked },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<int> DeleteExpiredProvisionalAsync(long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM agent_keys WHERE status = @provisional AND expires_at IS NOT NULL AND expires_at <= @nowMs",
            new { provisional = AgentKeyStatus.Provisional, nowMs },
            cancellationToken: cancellationToken));
    }
}
