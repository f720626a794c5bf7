using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;
using Tradewind.Storage;
using Tradewind.Storage.Security;

namespace Tradewind.Server.Identity;

/// <summary>Human users: creation (CLI or sign-up), login to a session token, and session checks.</summary>
public sealed class UserService(
    IUserStore users,
    PasswordHasher hasher,
    IOptions<ServerOptions> options,
    TimeProvider time,
    ILogger<UserService> logger)
{
    public const string SessionPrefix = "tw_sess_";

    private const int MinPasswordLength = 8;

    // Verified when the username is unknown, so a wrong name costs as much time as a wrong password.
    private readonly Lazy<Task<string>> _decoyHash = new(() => hasher.HashAsync("decoy password, never valid"));

    public async Task<UserAccount> CreateAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        var name = NormalizeUsername(username);
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength || password.Length > 256)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'password' must be {MinPasswordLength} to 256 characters long.",
                "Choose a longer password; a passphrase of several words works well.");
        }

        var user = new UserAccount
        {
            Id = "usr_" + SecretToken.RandomString(16),
            Username = name,
            PasswordHash = await hasher.HashAsync(password),
            CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        if (!await users.CreateAsync(user, cancellationToken))
        {
            throw new TradewindException(ApiErrorCodes.UsernameTaken, $"The username '{name}' is taken.", "Choose another username, or log in.");
        }

        logger.LogInformation("Created user {UserId} ({Username}).", user.Id, user.Username);
        return user;
    }

    /// <summary>Public sign-up, when the server allows it.</summary>
    public Task<UserAccount> SignUpAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        if (!options.Value.AllowSignUp)
        {
            throw new TradewindException(
                ApiErrorCodes.SignUpDisabled,
                "Sign-up is switched off on this server.",
                "Ask the operator to create your account (`tradewind users add`).");
        }

        return CreateAsync(username, password, cancellationToken);
    }

    public async Task<UserLogin> LoginAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        var name = AgentKeyService.RequireText(username, "username", 64).ToLowerInvariant();
        var given = password ?? string.Empty;
        var user = await users.FindByUsernameAsync(name, cancellationToken);
        bool ok;
        if (user is not null)
        {
            ok = await PasswordHasher.VerifyAsync(given, user.PasswordHash);
        }
        else
        {
            await PasswordHasher.VerifyAsync(given, await _decoyHash.Value);
            ok = false;
        }

        if (!ok || user is null)
        {
            throw new TradewindException(ApiErrorCodes.InvalidCredentials, "Wrong username or password.", "Check both and try again.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var secret = SecretToken.Create(SessionPrefix);
        var expires = now + (long)TimeSpan.FromHours(options.Value.SessionLifetimeHours).TotalMilliseconds;
        await users.CreateSessionAsync(
            new UserSession { Lookup = secret.Lookup, TokenHash = secret.Hash, UserId = user.Id, CreatedAt = now, ExpiresAt = expires },
            cancellationToken);
        logger.LogInformation("User {UserId} logged in.", user.Id);
        return new UserLogin(user, secret.Token, expires);
    }

    public async Task<UserAccount> AuthenticateSessionAsync(string token, CancellationToken cancellationToken)
    {
        var session = SecretToken.TryGetLookup(token, SessionPrefix, out var lookup)
            ? await users.FindSessionAsync(lookup, cancellationToken)
            : null;
        if (session is null || !SecretToken.Matches(token, session.TokenHash) || session.ExpiresAt <= time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            throw new TradewindException(ApiErrorCodes.InvalidSession, "The session token is unknown or expired.", "Log in again with POST /api/v1/users/login.");
        }

        return await users.GetAsync(session.UserId, cancellationToken)
            ?? throw new TradewindException(ApiErrorCodes.InvalidSession, "The session's user no longer exists.", "Log in again.");
    }

    public async Task LogoutAsync(string token, CancellationToken cancellationToken)
    {
        if (SecretToken.TryGetLookup(token, SessionPrefix, out var lookup))
        {
            await users.DeleteSessionAsync(lookup, cancellationToken);
        }
    }

    public async Task<UserAccount> GetByUsernameAsync(string username, CancellationToken cancellationToken) =>
        await users.FindByUsernameAsync(NormalizeUsername(username), cancellationToken)
        ?? throw new TradewindException(ErrorCode.ValidationError, $"No user '{username}'.", "Create one with `tradewind users add`.");

    private static string NormalizeUsername(string? username)
    {
        var name = AgentKeyService.RequireText(username, "username", 32).ToLowerInvariant();
        if (name.Length < 3 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"'username' = '{name}' is not valid.",
                "Use 3 to 32 characters: letters, digits, '_', '-' or '.'.");
        }

        return name;
    }
}
