using System.Reflection;
using Microsoft.AspNetCore.Http;
using Tradewind.Storage;

namespace Tradewind.Server.Identity;

/// <summary>
/// Who is calling, as established by <see cref="AccessMiddleware"/>: an agent key, a user session, or nobody.
/// Handlers take it as a parameter.
/// </summary>
public sealed class ApiCaller
{
    public static readonly ApiCaller Anonymous = new(null, null);

    public ApiCaller(AgentKey? agent, UserAccount? user)
    {
        Agent = agent;
        User = user;
    }

    public AgentKey? Agent { get; }

    public UserAccount? User { get; }

    public bool HasScope(string scope) => Agent is not null && Agent.ScopeList.Contains(scope);

    /// <summary>Minimal-API binding: the caller the access middleware stored on the request.</summary>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<ApiCaller?>(context.Features.Get<ApiCaller>() ?? Anonymous);

    /// <summary>The agent, or the error an agent-only handler would have been protected by.</summary>
    public AgentKey RequireAgent() =>
        Agent ?? throw new InvalidOperationException("This handler is mapped without RequireAgent().");

    public UserAccount RequireUser() =>
        User ?? throw new InvalidOperationException("This handler is mapped without RequireUser().");
}
