namespace Tradewind.Server.Http;

/// <summary>
/// Wire error codes of the agent API beyond the domain codes in <see cref="Core.ErrorCode"/>; the names follow the
/// HeyTraders v1 API where it has one.
/// </summary>
public static class ApiErrorCodes
{
    public const string InvalidApiKey = "INVALID_API_KEY";
    public const string ExpiredApiKey = "EXPIRED_API_KEY";
    public const string InsufficientPermissions = "INSUFFICIENT_PERMISSIONS";
    public const string InvalidPermissions = "INVALID_PERMISSIONS";
    public const string AgentRequired = "AGENT_REQUIRED";
    public const string AccountRequired = "ACCOUNT_REQUIRED";
    public const string NotOwner = "NOT_OWNER";
    public const string KeyOwnedByOtherUser = "KEY_OWNED_BY_OTHER_USER";
    public const string InvalidClaimCode = "INVALID_CLAIM_CODE";
    public const string AgentLimitReached = "AGENT_LIMIT_REACHED";
    public const string RegistrationLimit = "REGISTRATION_LIMIT";
    public const string FreeQuotaExceeded = "FREE_QUOTA_EXCEEDED";
    public const string QuotaExceeded = "QUOTA_EXCEEDED";
    public const string BacktestNotFound = "BACKTEST_NOT_FOUND";
    public const string AgentNotFound = "AGENT_NOT_FOUND";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string SessionRequired = "SESSION_REQUIRED";
    public const string InvalidSession = "INVALID_SESSION";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string SignUpDisabled = "SIGNUP_DISABLED";
    public const string UsernameTaken = "USERNAME_TAKEN";
    public const string DocNotFound = "DOC_NOT_FOUND";
    public const string AnalysisUnavailable = "ANALYSIS_UNAVAILABLE";
}
