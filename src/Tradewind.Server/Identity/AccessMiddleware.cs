using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;

namespace Tradewind.Server.Identity;

/// <summary>
/// Runs after routing: finds who is calling (an agent key in <c>Authorization: Bearer</c> or <c>X-API-Key</c>, or a
/// user session token), counts the request against the per-minute limit, and checks the endpoint's
/// <see cref="AccessRequirement"/>. A presented credential is always checked, also on public endpoints, so a
/// mistyped key is reported rather than silently ignored.
/// </summary>
internal sealed class AccessMiddleware(RequestDelegate next)
{
    public const string ApiPrefix = "/api/v1";

    public async Task InvokeAsync(
        HttpContext context, AgentKeyService agents, UserService users, RequestLimiter limiter, IOptions<ServerOptions> options)
    {
        var endpoint = context.GetEndpoint();
        var requirement = endpoint?.Metadata.GetMetadata<AccessRequirement>();
        if (requirement is null)
        {
            // Only mapped routes carry HttpMethodMetadata; the router's own 405/415 endpoints do not and pass through.
            if (endpoint?.Metadata.GetMetadata<HttpMethodMetadata>() is not null && context.Request.Path.StartsWithSegments(ApiPrefix))
            {
                // Fail closed: an API endpoint mapped without an access rule is a bug, not an open door.
                throw new InvalidOperationException($"Endpoint {endpoint.DisplayName} has no access requirement.");
            }

            await next(context);
            return;
        }

        var ct = context.RequestAborted;
        var token = ReadCredential(context.Request);
        var caller = ApiCaller.Anonymous;
        if (token is not null)
        {
            caller = token.StartsWith(UserService.SessionPrefix, StringComparison.Ordinal)
                ? new ApiCaller(null, await users.AuthenticateSessionAsync(token, ct))
                : new ApiCaller(await agents.AuthenticateAsync(token, ct), null);
        }

        var subject = caller.Agent is { } agent ? "rpm:key:" + agent.Id
            : caller.User is { } user ? "rpm:user:" + user.Id
            : "rpm:ip:" + ClientAddress(context);
        await limiter.EnforceRateAsync(
            subject,
            options.Value.RequestsPerMinute,
            TimeSpan.FromMinutes(1),
            ErrorCode.RateLimited,
            $"Too many requests: the limit is {options.Value.RequestsPerMinute} per minute.",
            "Wait for the number of seconds in the Retry-After header, then continue at a lower rate.",
            ct);

        Authorize(requirement, caller);
        context.Features.Set(caller);
        await next(context);
    }

    /// <summary>The client's address, used for anonymous limits and registration limits.</summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static void Authorize(AccessRequirement requirement, ApiCaller caller)
    {
        switch (requirement.Kind)
        {
            case AccessKind.Public:
                return;
            case AccessKind.User:
                if (caller.User is null)
                {
                    throw new TradewindException(
                        ApiErrorCodes.SessionRequired,
                        caller.Agent is null ? "This endpoint needs a signed-in user." : "This endpoint is for users; an agent key cannot call it.",
                        "Log in with POST /api/v1/users/login and send the session token as Authorization: Bearer <token>.");
                }

                return;
            default:
                if (caller.Agent is not { } key)
                {
                    if (caller.User is not null)
                    {
                        throw new TradewindException(
                            ApiErrorCodes.AgentRequired,
                            "This endpoint is for agents; a user session cannot call it.",
                            "Send an agent API key as Authorization: Bearer <key> or X-API-Key: <key>.");
                    }

                    throw new TradewindException(
                        ApiErrorCodes.InvalidApiKey,
                        "No API key was sent.",
                        "Send Authorization: Bearer <key> or X-API-Key: <key>; get a key with POST /api/v1/meta/register.");
                }

                if (requirement.Scope is { } scope && !caller.HasScope(scope))
                {
                    throw new TradewindException(
                        ApiErrorCodes.InsufficientPermissions,
                        $"This endpoint needs the '{scope}' scope; the key has {string.Join(", ", key.ScopeList.Select(s => $"'{s}'"))}.",
                        scope == Scopes.Research
                            ? "Use a key with the research scope."
                            : $"The user who claimed this agent can grant '{scope}' by claiming it again with that scope.")
                    {
                        Details = new Dictionary<string, object?> { ["required_scope"] = scope, ["scopes"] = key.ScopeList },
                    };
                }

                if (requirement.ClaimedOnly && key.Status != Storage.AgentKeyStatus.Claimed)
                {
                    throw new TradewindException(
                        ApiErrorCodes.AccountRequired,
                        "This endpoint needs a claimed agent; this key is provisional.",
                        "Call POST /api/v1/meta/request-claim and give the code to your user.");
                }

                return;
        }
    }

    private static string? ReadCredential(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            const string Bearer = "Bearer ";
            if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            {
                throw new TradewindException(
                    ApiErrorCodes.InvalidApiKey,
                    "The Authorization header is not a Bearer token.",
                    "Send Authorization: Bearer <key>, or X-API-Key: <key>.");
            }

            return authorization[Bearer.Length..].Trim();
        }

        var header = request.Headers["X-API-Key"].ToString().Trim();
        return header.Length > 0 ? header : null;
    }
}
