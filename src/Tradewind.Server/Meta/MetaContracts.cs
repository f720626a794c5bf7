namespace Tradewind.Server.Meta;

// Wire shapes of the /meta endpoints (snake_case on the wire). Kept apart from the storage entities on purpose:
// the key hash and lookup never have a field here to leak through.

internal sealed record RegisterRequest(string? DisplayName, string? Description, string? StrategyType, string? RiskProfile);

internal sealed record QuotaInfo(int RequestsPerMinute, int BacktestsPerHour, int BacktestsPerDay);

internal sealed record RegisterResponse(
    string ApiKey,
    string KeyId,
    string AgentId,
    string DisplayName,
    IReadOnlyList<string> Scopes,
    string Status,
    string? ExpiresAt,
    QuotaInfo Quota,
    string Notice);

internal sealed record RequestClaimRequest(string? DisplayName, string? Description);

internal sealed record RequestClaimResponse(string ClaimCode, int ExpiresIn, string ExpiresAt, string Instructions);

internal sealed record AgentProfile(
    string AgentId,
    string KeyId,
    string DisplayName,
    string? Description,
    string Status,
    IReadOnlyList<string> Scopes,
    string CreatedAt,
    string? ExpiresAt,
    string? ClaimedAt,
    string? OwnerUserId,
    QuotaInfo Quota);

internal sealed record RotateKeyResponse(string ApiKey, string KeyId, string Notice);

internal sealed record RevokeKeyResponse(string KeyId, string Status);

internal sealed record MarketInfo(string Id, string MarketType, bool Configured, bool IsDefault, IReadOnlyList<string> Timeframes);

internal sealed record MarketsResponse(IReadOnlyList<MarketInfo> Markets, string DefaultExchange);

internal sealed record IndicatorParameterInfo(string Name, string Type, double Default, double Min, double Max, string Description);

internal sealed record IndicatorOutputInfo(string Name, string Description);

internal sealed record IndicatorInfo(
    string Name,
    IReadOnlyList<string> Aliases,
    string Group,
    string Title,
    string Description,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<IndicatorParameterInfo> Parameters,
    IReadOnlyList<IndicatorOutputInfo> Outputs,
    int WarmUpBars,
    string? Reference);

internal sealed record IndicatorsResponse(int Count, IReadOnlyList<IndicatorInfo> Indicators, IReadOnlyList<string> Variables);

internal sealed record HealthResponse(string Status, string Version, string Database, long UptimeSeconds);

internal sealed record CapabilityInfo(string Method, string Path, string Access, bool Allowed);

internal sealed record CapabilitiesResponse(string? KeyId, IReadOnlyList<string> Scopes, IReadOnlyList<CapabilityInfo> Endpoints);
