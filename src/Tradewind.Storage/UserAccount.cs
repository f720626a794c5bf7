namespace Tradewind.Storage;

/// <summary>A human user who claims and manages agents. The password is kept only as an Argon2id PHC string.</summary>
public sealed record UserAccount
{
    public string Id { get; init; } = string.Empty;

    public string Username { get; init; } = string.Empty;

    public string PasswordHash { get; init; } = string.Empty;

    public long CreatedAt { get; init; }
}
