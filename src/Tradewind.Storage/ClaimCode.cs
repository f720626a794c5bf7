namespace Tradewind.Storage;

/// <summary>A short code an agent hands to its user, who redeems it to claim the agent's key.</summary>
public sealed record ClaimCode
{
    public string Code { get; init; } = string.Empty;

    public string KeyId { get; init; } = string.Empty;

    public string DisplayName { get; init; } = string.Empty;

    public string? Description { get; init; }

    public long CreatedAt { get; init; }

    public long ExpiresAt { get; init; }

    public long? UsedAt { get; init; }
}
