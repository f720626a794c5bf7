namespace Tradewind.Storage;

/// <summary>The life of an agent key: provisional until a user claims it; revoked keys never authenticate again.</summary>
public static class AgentKeyStatus
{
    public const string Provisional = "provisional";
    public const string Claimed = "claimed";
    public const string Revoked = "revoked";
}
