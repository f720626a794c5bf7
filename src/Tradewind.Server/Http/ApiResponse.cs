namespace Tradewind.Server.Http;

/// <summary>
/// The envelope of every <c>/api/v1</c> response: <c>{success, data, error, meta}</c>. Exactly one of
/// <see cref="Data"/> and <see cref="Error"/> is set.
/// </summary>
public sealed record ApiResponse<T>(bool Success, T? Data, ApiError? Error, ApiMeta Meta);
