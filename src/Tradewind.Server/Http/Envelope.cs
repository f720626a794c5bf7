using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Core;

namespace Tradewind.Server.Http;

/// <summary>Builds envelopes; handlers return <c>Envelope.Ok(context, data)</c> and throw for errors.</summary>
public static class Envelope
{
    public static Ok<ApiResponse<T>> Ok<T>(HttpContext context, T data) =>
        TypedResults.Ok(new ApiResponse<T>(true, data, null, Meta(context)));

    public static ApiResponse<object> Failure(HttpContext context, ApiError error) =>
        new(false, null, error, Meta(context));

    public static ApiMeta Meta(HttpContext context)
    {
        var time = context.RequestServices?.GetService<TimeProvider>() ?? TimeProvider.System;
        return new ApiMeta(TimeFormat.ToIso(time.GetUtcNow().ToUnixTimeMilliseconds()), context.TraceIdentifier);
    }
}
