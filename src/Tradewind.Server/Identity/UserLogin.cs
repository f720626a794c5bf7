using Tradewind.Storage;

namespace Tradewind.Server.Identity;

/// <summary>A successful login: the user and the session token (shown once).</summary>
public sealed record UserLogin(UserAccount User, string SessionToken, long ExpiresAt);
