using Tradewind.Storage;

namespace Tradewind.Server.Identity;

/// <summary>A key as stored plus its secret, which exists only in this value and the one response that shows it.</summary>
public sealed record IssuedAgentKey(AgentKey Key, string ApiKey);
