using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Server.Identity;

namespace Tradewind.Server.Tests;

/// <summary>One mapped /api/v1 route, as the server itself reports it.</summary>
public sealed record ApiRoute(string Method, string Pattern, AccessRequirement? Access, bool AcceptsBody)
{
    /// <summary>The path relative to /api/v1/, with route parameters filled in.</summary>
    public string RelativePath =>
        Pattern["/api/v1/".Length..].Replace("{agentId}", "agt_missing", StringComparison.Ordinal).Replace("{name}", "data", StringComparison.Ordinal)
            .Replace("{id}", "bt_missing", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Pattern}";

    public static IReadOnlyList<ApiRoute> All(TestServer server) =>
        server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ApiRoute(
                m,
                e.RoutePattern.RawText!.TrimEnd('/'),
                e.Metadata.GetMetadata<AccessRequirement>(),
                e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
}
