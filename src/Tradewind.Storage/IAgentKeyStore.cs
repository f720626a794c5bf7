namespace Tradewind.Storage;

/// <summary>Agent API keys (hashes only) and the claim codes that link them to users.</summary>
public interface IAgentKeyStore
{
    Task CreateAsync(AgentKey key, CancellationToken cancellationToken);

    /// <summary>The key whose lookup prefix is <paramref name="lookup"/>; the caller checks the hash.</summary>
    Task<AgentKey?> FindByLookupAsync(string lookup, CancellationToken cancellationToken);

    Task<AgentKey?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Keys claimed by the user (revoked ones included, newest first).</summary>
    Task<IReadOnlyList<AgentKey>> ListByOwnerAsync(string userId, CancellationToken cancellationToken);

    Task CreateClaimCodeAsync(ClaimCode code, CancellationToken cancellationToken);

    /// <summary>
    /// Redeems a claim code for <paramref name="userId"/> in one transaction: checks the code, the key's owner and the
    /// user's agent count, then sets owner, scopes and status and marks the code used. A refused claim changes nothing.
    /// </summary>
    Task<ClaimResult> ClaimAsync(string code, string userId, string scopes, int maxAgentsPerUser, long nowMs, CancellationToken cancellationToken);

    /// <summary>Revokes a key; false when it does not exist or was already revoked.</summary>
    Task<bool> RevokeAsync(string keyId, long nowMs, CancellationToken cancellationToken);

    /// <summary>Replaces the key's secret (the old one stops working at once); false when the key is not active.</summary>
    Task<bool> RotateAsync(string keyId, string newLookup, string newHash, long nowMs, CancellationToken cancellationToken);

    /// <summary>Deletes provisional keys whose expiry has passed; returns how many.</summary>
    Task<int> DeleteExpiredProvisionalAsync(long nowMs, CancellationToken cancellationToken);
}
