namespace Tradewind.Server.Users;

internal sealed record SignUpRequest(string? Username, string? Password);

internal sealed record UserResponse(string UserId, string Username, string CreatedAt);

internal sealed record LoginRequest(string? Username, string? Password);

internal sealed record LoginResponse(string SessionToken, string ExpiresAt, string UserId, string Username);

internal sealed record ClaimRequest(string? ClaimCode, IReadOnlyList<string>? Scopes);

internal sealed record ClaimResponse(string AgentId, string DisplayName, IReadOnlyList<string> Scopes, string Status, int ClaimedAgents, int MaxAgents);

internal sealed record UserAgentInfo(string AgentId, string DisplayName, string? Description, string Status, IReadOnlyList<string> Scopes, string? ClaimedAt, string? RevokedAt);

internal sealed record UserAgentsResponse(int Count, int MaxAgents, IReadOnlyList<UserAgentInfo> Agents);

internal sealed record LogoutResponse(bool LoggedOut);
