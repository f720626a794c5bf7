using Microsoft.AspNetCore.Builder;

namespace Tradewind.Server.Identity;

/// <summary><c>.Public()</c>, <c>.RequireAgent("research")</c>, <c>.RequireUser()</c> on endpoints and groups.</summary>
public static class AccessConventions
{
    public static TBuilder Public<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRequirement(AccessKind.Public));

    public static TBuilder RequireAgent<TBuilder>(this TBuilder builder, string? scope = null, bool claimedOnly = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRequirement(AccessKind.Agent, scope, claimedOnly));

    public static TBuilder RequireUser<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRequirement(AccessKind.User));
}
