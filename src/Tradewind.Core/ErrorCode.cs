namespace Tradewind.Core;

/// <summary>
/// Machine-readable error codes shared by every layer. The names are the wire codes of the agent API
/// (HeyTraders v1 compatible), so a domain error travels to HTTP without translation.
/// </summary>
public static class ErrorCode
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string DataUnavailable = "DATA_UNAVAILABLE";
    public const string TaOutOfRange = "TA_OUT_OF_RANGE";
    public const string UnknownExchange = "UNKNOWN_EXCHANGE";
    public const string UnknownSymbol = "UNKNOWN_SYMBOL";
    public const string UnknownTimeframe = "UNKNOWN_TIMEFRAME";
    public const string InvalidTicker = "INVALID_TICKER";
    public const string InvalidParameter = "INVALID_PARAMETER";
    public const string ImportError = "IMPORT_ERROR";
    public const string VenueError = "VENUE_ERROR";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";
}
