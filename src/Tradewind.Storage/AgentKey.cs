namespace Tradewind.Storage;

/// <summary>
/// An agent's API key as stored: never the key itself, only its lookup prefix and SHA-256.
/// <see cref="Scopes"/> is a comma-separated list (<c>research,read</c>).
/// </summary>
public sealed record AgentKey
{
    public string Id { get; init; } = string.Empty;

    public string Lookup { get; init; } = string.Empty;

    public string KeyHash { get; init; } = string.Empty;

    public string DisplayName { get; init; } = string.Empty;

    public string? Description { get; init; }

    public string Scopes { get; init; } = string.Empty;

    public string Status { get; init; } = AgentKeyStatus.Provisional;

    public string? OwnerUserId { get; init; }

    public long CreatedAt { get; init; }

    /// <summary>When a provisional key stops working (null once claimed).</summary>
    public long? ExpiresAt { get; init; }

    public long? ClaimedAt { get; init; }

    public long? RevokedAt { get; init; }

    public long? RotatedAt { get; init; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
