namespace Tradewind.Storage;

/// <summary>The outcome of a claim, and the key as it is afterwards (null for an invalid code).</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, AgentKey? Key, int ClaimedAgents);
