using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.Indicators;
using Tradewind.MarketData;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;
using Tradewind.Server.Identity;
using Tradewind.Storage;

namespace Tradewind.Server.Meta;

/// <summary><c>/api/v1/meta</c>: registration, claims, the agent's profile and key, markets, indicators, health, capabilities.</summary>
internal static class MetaApi
{
    public static IEndpointRouteBuilder MapMetaApi(this IEndpointRouteBuilder app)
    {
        var meta = app.MapGroup("/api/v1/meta").WithTags("Meta");
        meta.MapPost("/register", RegisterAsync).Public();
        meta.MapPost("/request-claim", RequestClaimAsync).RequireAgent();
        meta.MapGet("/agents/me", GetProfile).RequireAgent();
        meta.MapPost("/agents/me/rotate", RotateAsync).RequireAgent();
        meta.MapPost("/agents/me/revoke", RevokeAsync).RequireAgent();
        meta.MapGet("/markets", GetMarkets).Public();
        meta.MapGet("/indicators", GetIndicators).RequireAgent(Scopes.Research);
        meta.MapGet("/health", GetHealth).Public();
        meta.MapGet("/capabilities", GetCapabilities).Public();
        return app;
    }

    public static async Task<Ok<ApiResponse<RegisterResponse>>> RegisterAsync(
        RegisterRequest request, HttpContext context, AgentKeyService agents, IOptions<ServerOptions> options, CancellationToken ct)
    {
        var issued = await agents.RegisterAsync(request.DisplayName, request.Description, AccessMiddleware.ClientAddress(context), ct);
        return Envelope.Ok(context, new RegisterResponse(
            issued.ApiKey,
            issued.Key.Id,
            issued.Key.Id,
            issued.Key.DisplayName,
            issued.Key.ScopeList,
            issued.Key.Status,
            Iso(issued.Key.ExpiresAt),
            Quota(issued.Key, options.Value),
            $"Save api_key now: it is shown only once. It expires in {options.Value.ProvisionalKeyLifetimeHours} hours unless a user claims it (POST /api/v1/meta/request-claim)."));
    }

    public static async Task<Ok<ApiResponse<RequestClaimResponse>>> RequestClaimAsync(
        RequestClaimRequest? request, HttpContext context, ApiCaller caller, AgentKeyService agents, CancellationToken ct)
    {
        var code = await agents.RequestClaimAsync(caller.RequireAgent(), request?.DisplayName, request?.Description, ct);
        return Envelope.Ok(context, new RequestClaimResponse(
            code.Code,
            (int)agents.ClaimCodeLifetime.TotalSeconds,
            TimeFormat.ToIso(code.ExpiresAt),
            $"Give this code to your user. They enter it with `tradewind users claim {code.Code}` or POST /api/v1/users/claim while signed in."));
    }

    public static Ok<ApiResponse<AgentProfile>> GetProfile(HttpContext context, ApiCaller caller, IOptions<ServerOptions> options) =>
        Envelope.Ok(context, Profile(caller.RequireAgent(), options.Value));

    public static async Task<Ok<ApiResponse<RotateKeyResponse>>> RotateAsync(HttpContext context, ApiCaller caller, AgentKeyService agents, CancellationToken ct)
    {
        var issued = await agents.RotateAsync(caller.RequireAgent(), ct);
        return Envelope.Ok(context, new RotateKeyResponse(issued.ApiKey, issued.Key.Id, "Save api_key now: the previous key stopped working and this one is shown only once."));
    }

    public static async Task<Ok<ApiResponse<RevokeKeyResponse>>> RevokeAsync(HttpContext context, ApiCaller caller, AgentKeyService agents, CancellationToken ct)
    {
        var key = caller.RequireAgent();
        await agents.RevokeAsync(key, ct);
        return Envelope.Ok(context, new RevokeKeyResponse(key.Id, AgentKeyStatus.Revoked));
    }

    public static Ok<ApiResponse<MarketsResponse>> GetMarkets(HttpContext context, ProviderRegistry providers, IOptions<ServerOptions> options)
    {
        var defaultExchange = Exchanges.Parse(options.Value.DefaultExchange);
        var markets = new List<MarketInfo>();
        foreach (var exchange in Exchanges.List)
        {
            var configured = providers.TryGet(exchange, out var provider);
            markets.Add(new MarketInfo(
                exchange.Id(),
                exchange.DefaultMarketType().ToString().ToLowerInvariant(),
                configured,
                exchange == defaultExchange,
                configured ? provider.NativeTimeframes.Select(t => t.Name).ToArray() : []));
        }

        return Envelope.Ok(context, new MarketsResponse(markets, defaultExchange.Id()));
    }

    public static Ok<ApiResponse<IndicatorsResponse>> GetIndicators(HttpContext context)
    {
        var registry = IndicatorRegistry.Default;
        var list = registry.All.Select(d => new IndicatorInfo(
            d.Name,
            d.Aliases,
            d.Group.ToString().ToLowerInvariant(),
            d.Title,
            d.Description,
            d.Inputs.Select(i => i.Name).ToArray(),
            d.Parameters.Select(p => new IndicatorParameterInfo(p.Name, p.Kind.ToString().ToLowerInvariant(), p.Default, p.Min, p.Max, p.Description)).ToArray(),
            d.Outputs.Select(o => new IndicatorOutputInfo(o.Name, o.Description)).ToArray(),
            d.LookbackFor(d.DefaultParameters()),
            d.TaLibFunction is { } f ? "TA-Lib " + f : d.Reference)).ToArray();

        // The price and volume series every expression can read. The Signal DSL adds its own names (operators, state
        // and context variables) when it lands; they will be listed here from its catalog.
        string[] variables = ["open", "high", "low", "close", "volume"];
        return Envelope.Ok(context, new IndicatorsResponse(list.Length, list, variables));
    }

    public static async Task<Ok<ApiResponse<HealthResponse>>> GetHealth(HttpContext context, TradewindDatabase database, TimeProvider time, ServerClock clock, CancellationToken ct)
    {
        await using (var connection = await database.OpenConnectionAsync(ct))
        {
            // A round trip proves the database answers, not just that a handle exists.
            await using var ping = connection.CreateCommand();
            ping.CommandText = "SELECT 1";
            await ping.ExecuteScalarAsync(ct);
        }

        var version = typeof(MetaApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var uptime = (long)(time.GetUtcNow() - clock.StartedAt).TotalSeconds;
        return Envelope.Ok(context, new HealthResponse("ok", version, database.Dialect == SqlDialect.PostgreSql ? "postgresql" : "sqlite", uptime));
    }

    public static Ok<ApiResponse<CapabilitiesResponse>> GetCapabilities(HttpContext context, ApiCaller caller, EndpointDataSource endpoints)
    {
        var list = new List<CapabilityInfo>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<AccessRequirement>() is not { } requirement
                || endpoint.RoutePattern.RawText is not { } pattern
                || !pattern.StartsWith(AccessMiddleware.ApiPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                list.Add(new CapabilityInfo(method, pattern, requirement.Describe(), Allows(requirement, caller)));
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Path + " " + a.Method, b.Path + " " + b.Method));
        return Envelope.Ok(context, new CapabilitiesResponse(caller.Agent?.Id, caller.Agent?.ScopeList ?? [], list));
    }

    internal static AgentProfile Profile(AgentKey key, ServerOptions options) => new(
        key.Id,
        key.Id,
        key.DisplayName,
        key.Description,
        key.Status,
        key.ScopeList,
        TimeFormat.ToIso(key.CreatedAt),
        Iso(key.ExpiresAt),
        Iso(key.ClaimedAt),
        key.OwnerUserId,
        Quota(key, options));

    internal static QuotaInfo Quota(AgentKey key, ServerOptions options) =>
        key.Status == AgentKeyStatus.Claimed
            ? new QuotaInfo(options.RequestsPerMinute, options.ClaimedBacktestsPerHour, options.ClaimedBacktestsPerDay)
            : new QuotaInfo(options.RequestsPerMinute, options.ProvisionalBacktestsPerHour, options.ProvisionalBacktestsPerDay);

    private static bool Allows(AccessRequirement requirement, ApiCaller caller) => requirement.Kind switch
    {
        AccessKind.Public => true,
        AccessKind.User => caller.User is not null,
        _ => caller.Agent is not null
            && (requirement.Scope is null || caller.HasScope(requirement.Scope))
            && (!requirement.ClaimedOnly || caller.Agent.Status == AgentKeyStatus.Claimed),
    };

    private static string? Iso(long? ms) => ms is { } v ? TimeFormat.ToIso(v) : null;
}
