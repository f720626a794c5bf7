using Microsoft.AspNetCore.Http;
using Tradewind.Core;

namespace Tradewind.Server.Http;

/// <summary>The HTTP status each error code travels with.</summary>
internal static class ErrorStatus
{
    public static int For(string code) => code switch
    {
        ErrorCode.ValidationError or ErrorCode.InvalidTicker or ErrorCode.InvalidParameter or ErrorCode.UnknownExchange
            or ErrorCode.UnknownTimeframe or ErrorCode.ImportError or ApiErrorCodes.InvalidPermissions
            or ApiErrorCodes.InvalidClaimCode => StatusCodes.Status400BadRequest,
        ApiErrorCodes.InvalidApiKey or ApiErrorCodes.ExpiredApiKey or ApiErrorCodes.SessionRequired
            or ApiErrorCodes.InvalidSession or ApiErrorCodes.InvalidCredentials => StatusCodes.Status401Unauthorized,
        ApiErrorCodes.InsufficientPermissions or ApiErrorCodes.AgentRequired or ApiErrorCodes.AccountRequired
            or ApiErrorCodes.NotOwner or ApiErrorCodes.KeyOwnedByOtherUser or ApiErrorCodes.AgentLimitReached
            or ApiErrorCodes.SignUpDisabled => StatusCodes.Status403Forbidden,
        ErrorCode.UnknownSymbol or ErrorCode.DataUnavailable or ApiErrorCodes.BacktestNotFound or ApiErrorCodes.AgentNotFound
            or ApiErrorCodes.NotFound or ApiErrorCodes.DocNotFound => StatusCodes.Status404NotFound,
        ApiErrorCodes.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ApiErrorCodes.UsernameTaken => StatusCodes.Status409Conflict,
        ErrorCode.TaOutOfRange => StatusCodes.Status422UnprocessableEntity,
        ErrorCode.RateLimited or ApiErrorCodes.RegistrationLimit or ApiErrorCodes.FreeQuotaExceeded
            or ApiErrorCodes.QuotaExceeded => StatusCodes.Status429TooManyRequests,
        ErrorCode.VenueError or ApiErrorCodes.AnalysisUnavailable => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status500InternalServerError,
    };
}
