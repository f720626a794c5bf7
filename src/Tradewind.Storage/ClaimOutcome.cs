namespace Tradewind.Storage;

/// <summary>What redeeming a claim code did.</summary>
public enum ClaimOutcome
{
    Claimed,

    /// <summary>Unknown, expired or already used code.</summary>
    InvalidCode,

    /// <summary>The key is claimed by another user.</summary>
    OwnedByOtherUser,

    /// <summary>The user already has the maximum number of claimed agents.</summary>
    AgentLimitReached,

    /// <summary>The key was revoked after the code was issued.</summary>
    KeyRevoked,
}
