namespace Tradewind.Server.Identity;

/// <summary>
/// Endpoint metadata saying who may call it. Every <c>/api/v1</c> endpoint carries one; one without it is refused,
/// so a forgotten annotation fails closed.
/// </summary>
/// <param name="Kind">Public, agent key or user session.</param>
/// <param name="Scope">For agent endpoints, the scope the key needs (null: any valid key).</param>
/// <param name="ClaimedOnly">For agent endpoints, whether a provisional key is refused (ACCOUNT_REQUIRED).</param>
public sealed record AccessRequirement(AccessKind Kind, string? Scope = null, bool ClaimedOnly = false)
{
    public string Describe() => Kind switch
    {
        AccessKind.Public => "none",
        AccessKind.User => "user session",
        _ => Scope is null ? "api key" : $"api key with scope '{Scope}'" + (ClaimedOnly ? " (claimed)" : string.Empty),
    };
}
