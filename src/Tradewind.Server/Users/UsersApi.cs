using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;
using Tradewind.Server.Identity;
using Tradewind.Storage;

namespace Tradewind.Server.Users;

/// <summary><c>/api/v1/users</c>: human users sign up, log in, claim agents and manage them.</summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users");
        users.MapPost("/signup", SignUpAsync).Public();
        users.MapPost("/login", LoginAsync).Public();
        users.MapPost("/logout", LogoutAsync).RequireUser();
        users.MapGet("/me", GetMe).RequireUser();
        users.MapPost("/claim", ClaimAsync).RequireUser();
        users.MapGet("/agents", ListAgentsAsync).RequireUser();
        users.MapPost("/agents/{agentId}/revoke", RevokeAgentAsync).RequireUser();
        return app;
    }

    public static async Task<Ok<ApiResponse<UserResponse>>> SignUpAsync(SignUpRequest request, HttpContext context, UserService users, CancellationToken ct) =>
        Envelope.Ok(context, ToResponse(await users.SignUpAsync(request.Username, request.Password, ct)));

    public static async Task<Ok<ApiResponse<LoginResponse>>> LoginAsync(LoginRequest request, HttpContext context, UserService users, CancellationToken ct)
    {
        var login = await users.LoginAsync(request.Username, request.Password, ct);
        return Envelope.Ok(context, new LoginResponse(login.SessionToken, TimeFormat.ToIso(login.ExpiresAt), login.User.Id, login.User.Username));
    }

    public static async Task<Ok<ApiResponse<LogoutResponse>>> LogoutAsync(HttpContext context, UserService users, CancellationToken ct)
    {
        var token = context.Request.Headers.Authorization.ToString();
        await users.LogoutAsync(token.Length > 7 ? token[7..].Trim() : string.Empty, ct);
        return Envelope.Ok(context, new LogoutResponse(true));
    }

    public static Ok<ApiResponse<UserResponse>> GetMe(HttpContext context, ApiCaller caller) =>
        Envelope.Ok(context, ToResponse(caller.RequireUser()));

    public static async Task<Ok<ApiResponse<ClaimResponse>>> ClaimAsync(
        ClaimRequest request, HttpContext context, ApiCaller caller, AgentKeyService agents, IOptions<ServerOptions> options, CancellationToken ct)
    {
        var result = await agents.ClaimAsync(caller.RequireUser().Id, request.ClaimCode, request.Scopes, ct);
        var key = result.Key!;
        return Envelope.Ok(context, new ClaimResponse(key.Id, key.DisplayName, key.ScopeList, key.Status, result.ClaimedAgents, options.Value.MaxAgentsPerUser));
    }

    public static async Task<Ok<ApiResponse<UserAgentsResponse>>> ListAgentsAsync(
        HttpContext context, ApiCaller caller, AgentKeyService agents, IOptions<ServerOptions> options, CancellationToken ct)
    {
        var keys = await agents.ListForUserAsync(caller.RequireUser().Id, ct);
        var list = keys.Select(ToInfo).ToArray();
        return Envelope.Ok(context, new UserAgentsResponse(list.Count(a => a.Status == AgentKeyStatus.Claimed), options.Value.MaxAgentsPerUser, list));
    }

    public static async Task<Ok<ApiResponse<UserAgentInfo>>> RevokeAgentAsync(
        string agentId, HttpContext context, ApiCaller caller, AgentKeyService agents, CancellationToken ct) =>
        Envelope.Ok(context, ToInfo(await agents.RevokeForUserAsync(caller.RequireUser().Id, agentId, ct)));

    private static UserResponse ToResponse(UserAccount user) => new(user.Id, user.Username, TimeFormat.ToIso(user.CreatedAt));

    private static UserAgentInfo ToInfo(AgentKey key) => new(
        key.Id,
        key.DisplayName,
        key.Description,
        key.Status,
        key.ScopeList,
        key.ClaimedAt is { } c ? TimeFormat.ToIso(c) : null,
        key.RevokedAt is { } r ? TimeFormat.ToIso(r) : null);
}
