using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;
using Tradewind.Storage;
using Tradewind.Storage.Security;

namespace Tradewind.Server.Identity;

/// <summary>
/// The life of agent keys: provisional registration, authentication, claim codes, claiming by a user, rotation and
/// revocation. Keys are logged by id only, never by value.
/// </summary>
public sealed class AgentKeyService(
    IAgentKeyStore keys,
    RequestLimiter limiter,
    IOptions<ServerOptions> options,
    TimeProvider time,
    ILogger<AgentKeyService> logger)
{
    public const string ProvisionalPrefix = "tw_prov_";
    public const string ClaimedPrefix = "tw_live_";

    // No 0/O or 1/I: the code is read aloud and typed by a person.
    private const string ClaimAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int ClaimCodeLength = 6;

    private ServerOptions Options => options.Value;

    public TimeSpan ClaimCodeLifetime => TimeSpan.FromMinutes(Options.ClaimCodeLifetimeMinutes);

    /// <summary>True when the text has the shape of an agent key (either prefix).</summary>
    public static bool LooksLikeKey(string token) =>
        token.StartsWith(ProvisionalPrefix, StringComparison.Ordinal) || token.StartsWith(ClaimedPrefix, StringComparison.Ordinal);

    public async Task<IssuedAgentKey> RegisterAsync(string? displayName, string? description, string clientIp, CancellationToken cancellationToken)
    {
        var name = RequireText(displayName, "display_name", 50);
        var about = OptionalText(description, "description", 500);
        await limiter.EnforceAsync(
            "register:" + clientIp,
            Options.RegistrationsPerHourPerIp,
            TimeSpan.FromHours(1),
            ApiErrorCodes.RegistrationLimit,
            $"This address has registered {Options.RegistrationsPerHourPerIp} keys in the last hour, the most allowed.",
            "Reuse a key you already have, or wait for the hour to pass (see Retry-After). A user of this server can claim your key for full access.",
            cancellationToken);

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var secret = SecretToken.Create(ProvisionalPrefix);
        var key = new AgentKey
        {
            Id = "agt_" + SecretToken.RandomString(16),
            Lookup = secret.Lookup,
            KeyHash = secret.Hash,
            DisplayName = name,
            Description = about,
            Scopes = Scopes.Join(Scopes.Provisional),
            Status = AgentKeyStatus.Provisional,
            CreatedAt = now,
            ExpiresAt = now + (long)TimeSpan.FromHours(Options.ProvisionalKeyLifetimeHours).TotalMilliseconds,
        };
        await keys.CreateAsync(key, cancellationToken);
        logger.LogInformation("Registered provisional agent key {KeyId} ({DisplayName}).", key.Id, key.DisplayName);
        return new IssuedAgentKey(key, secret.Token);
    }

    /// <summary>The key's record, or INVALID_API_KEY / EXPIRED_API_KEY.</summary>
    public async Task<AgentKey> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var prefix = token.StartsWith(ClaimedPrefix, StringComparison.Ordinal) ? ClaimedPrefix : ProvisionalPrefix;
        if (!SecretToken.TryGetLookup(token, prefix, out var lookup))
        {
            throw InvalidKey("The API key is not a Tradewind key (it should start with tw_prov_ or tw_live_).");
        }

        var key = await keys.FindByLookupAsync(lookup, cancellationToken);
        if (key is null || !SecretToken.Matches(token, key.KeyHash))
        {
            throw InvalidKey("The API key is not known to this server (it may have been rotated, or deleted after expiring).");
        }

        if (key.Status == AgentKeyStatus.Revoked)
        {
            throw InvalidKey("The API key was revoked.");
        }

        if (key.Status == AgentKeyStatus.Provisional && key.ExpiresAt is { } expires && expires <= time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            throw new TradewindException(
                ApiErrorCodes.ExpiredApiKey,
                $"The provisional API key expired at {TimeFormat.ToIso(expires)} because it was not claimed within {Options.ProvisionalKeyLifetimeHours} hours.",
                "Register a new key with POST /api/v1/meta/register, then claim it (POST /api/v1/meta/request-claim) before it expires.");
        }

        return key;
    }

    public async Task<ClaimCode> RequestClaimAsync(AgentKey key, string? displayName, string? description, CancellationToken cancellationToken)
    {
        var name = displayName is null ? key.DisplayName : RequireText(displayName, "display_name", 50);
        var about = description is null ? key.Description : OptionalText(description, "description", 500);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var attempt = 0; ; attempt++)
        {
            var code = new ClaimCode
            {
                Code = SecretToken.RandomString(ClaimCodeLength, ClaimAlphabet),
                KeyId = key.Id,
                DisplayName = name,
                Description = about,
                CreatedAt = now,
                ExpiresAt = now + (long)ClaimCodeLifetime.TotalMilliseconds,
            };
            try
            {
                await keys.CreateClaimCodeAsync(code, cancellationToken);
                logger.LogInformation("Issued a claim code for agent key {KeyId}.", key.Id);
                return code;
            }
            catch (System.Data.Common.DbException) when (attempt < 4)
            {
                // A collision with a live code (one in ~10^9 per pair): draw another.
            }
        }
    }

    /// <summary>Links the key behind <paramref name="code"/> to the user with the chosen scopes.</summary>
    public async Task<ClaimResult> ClaimAsync(string userId, string? code, IReadOnlyList<string>? scopes, CancellationToken cancellationToken)
    {
        var normalizedCode = RequireText(code, "claim_code", 16).ToUpperInvariant();
        var granted = Scopes.Normalize(scopes);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = await keys.ClaimAsync(normalizedCode, userId, Scopes.Join(granted), Options.MaxAgentsPerUser, now, cancellationToken);
        switch (result.Outcome)
        {
            case ClaimOutcome.Claimed:
                logger.LogInformation("User {UserId} claimed agent key {KeyId} with scopes {Scopes}.", userId, result.Key!.Id, result.Key.Scopes);
                return result;
            case ClaimOutcome.InvalidCode:
                throw new TradewindException(
                    ApiErrorCodes.InvalidClaimCode,
                    $"Claim code '{normalizedCode}' is unknown, already used or expired (codes are valid for {Options.ClaimCodeLifetimeMinutes} minutes).",
                    "Ask the agent for a fresh code (it calls POST /api/v1/meta/request-claim).");
            case ClaimOutcome.OwnedByOtherUser:
                throw new TradewindException(
                    ApiErrorCodes.KeyOwnedByOtherUser,
                    "This agent's key is already claimed by another user.",
                    "The owner can revoke it; the agent can then register a new key for you to claim.");
            case ClaimOutcome.AgentLimitReached:
                throw new TradewindException(
                    ApiErrorCodes.AgentLimitReached,
                    $"You already have {result.ClaimedAgents} claimed agents, the most allowed ({Options.MaxAgentsPerUser}).",
                    "Revoke one (POST /api/v1/users/agents/{agent_id}/revoke or `tradewind users agents`), then claim again with the same code.")
                {
                    Details = new Dictionary<string, object?> { ["usage"] = result.ClaimedAgents, ["limit"] = Options.MaxAgentsPerUser },
                };
            default:
                throw new TradewindException(
                    ApiErrorCodes.InvalidApiKey,
                    "The agent's key was revoked after this code was issued.",
                    "The agent must register a new key and request a new claim code.");
        }
    }

    /// <summary>Gives the key a new secret; the old one stops working at once. The id, scopes and owner stay.</summary>
    public async Task<IssuedAgentKey> RotateAsync(AgentKey key, CancellationToken cancellationToken)
    {
        var secret = SecretToken.Create(key.Status == AgentKeyStatus.Claimed ? ClaimedPrefix : ProvisionalPrefix);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!await keys.RotateAsync(key.Id, secret.Lookup, secret.Hash, now, cancellationToken))
        {
            throw InvalidKey("The API key was revoked.");
        }

        logger.LogInformation("Rotated agent key {KeyId}.", key.Id);
        return new IssuedAgentKey(key with { Lookup = secret.Lookup, KeyHash = secret.Hash, RotatedAt = now }, secret.Token);
    }

    public async Task RevokeAsync(AgentKey key, CancellationToken cancellationToken)
    {
        await keys.RevokeAsync(key.Id, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        logger.LogInformation("Revoked agent key {KeyId}.", key.Id);
    }

    /// <summary>A user revokes one of their agents; NOT_OWNER / AGENT_NOT_FOUND otherwise.</summary>
    public async Task<AgentKey> RevokeForUserAsync(string userId, string keyId, CancellationToken cancellationToken)
    {
        var key = await keys.GetAsync(keyId, cancellationToken)
            ?? throw new TradewindException(ApiErrorCodes.AgentNotFound, $"No agent '{keyId}'.", "List your agents with GET /api/v1/users/agents.");
        if (key.OwnerUserId != userId)
        {
            throw new TradewindException(ApiErrorCodes.NotOwner, $"Agent '{keyId}' is not one of yours.", "List your agents with GET /api/v1/users/agents.");
        }

        await RevokeAsync(key, cancellationToken);
        return key with { Status = AgentKeyStatus.Revoked };
    }

    public Task<IReadOnlyList<AgentKey>> ListForUserAsync(string userId, CancellationToken cancellationToken) =>
        keys.ListByOwnerAsync(userId, cancellationToken);

    internal static string RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"'{field}' is required.", $"Send '{field}' as a non-empty string of at most {maxLength} characters.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            ThrowHelper.Throw(ErrorCode.ValidationError, $"'{field}' is {trimmed.Length} characters long; the limit is {maxLength}.", $"Shorten '{field}' to at most {maxLength} characters.");
        }

        return trimmed;
    }

    internal static string? OptionalText(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : RequireText(value, field, maxLength);

    private static TradewindException InvalidKey(string message) =>
        new(ApiErrorCodes.InvalidApiKey, message, "Send a valid key as Authorization: Bearer <key> or X-API-Key: <key>; get one with POST /api/v1/meta/register.");
}
