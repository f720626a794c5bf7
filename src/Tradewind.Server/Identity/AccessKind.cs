namespace Tradewind.Server.Identity;

/// <summary>Who may call an endpoint.</summary>
public enum AccessKind
{
    /// <summary>Anyone; a presented key is still checked and counted.</summary>
    Public,

    /// <summary>An agent API key, optionally with a scope.</summary>
    Agent,

    /// <summary>A signed-in human user (session token).</summary>
    User,
}
