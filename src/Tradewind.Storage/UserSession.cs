namespace Tradewind.Storage;

/// <summary>A signed-in user's session: found by <see cref="Lookup"/>, proven by the token's SHA-256.</summary>
public sealed record UserSession
{
    public string Lookup { get; init; } = string.Empty;

    public string TokenHash { get; init; } = string.Empty;

    public string UserId { get; init; } = string.Empty;

    public long CreatedAt { get; init; }

    public long ExpiresAt { get; init; }
}
