using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Core;

namespace Tradewind.Server.Http;

/// <summary>
/// The outermost layer: every error, thrown or produced by the framework with an empty body (404, 405, 413, 415),
/// leaves as the envelope with a code and the right status. Never a stack trace or an HTML page.
/// </summary>
internal sealed class ApiExceptionMiddleware(RequestDelegate next, ILogger<ApiExceptionMiddleware> logger, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const string RetryAfterDetail = "retry_after_seconds";

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
            return;
        }
        catch (TradewindException ex)
        {
            await WriteAsync(context, ErrorStatus.For(ex.Code), new ApiError(ex.Code, ex.Message, ex.Suggestion, ex.Details));
            return;
        }
        catch (BadHttpRequestException ex)
        {
            await WriteAsync(context, ex.StatusCode, Describe(ex));
            return;
        }
        catch (JsonException ex)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, DescribeJson(ex));
            return;
        }
#pragma warning disable CA1031 // The request boundary: anything unexpected becomes INTERNAL_ERROR, logged once.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Type and message only: exception messages from our code never carry secrets, and the request's headers
            // (where keys travel) are not logged at all.
            logger.LogError("Unhandled {Type} on {Method} {Path} (request {RequestId}): {Message}", ex.GetType().Name, context.Request.Method, context.Request.Path, context.TraceIdentifier, ex.Message);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, new ApiError(
                ErrorCode.InternalError,
                "The server hit an unexpected error.",
                $"Retry later; if it persists, report request id {context.TraceIdentifier}."));
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null or 0)
        {
            await WriteAsync(context, context.Response.StatusCode, ForBareStatus(context));
        }
    }

    private async Task WriteAsync(HttpContext context, int status, ApiError error)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        context.Response.StatusCode = status;
        if (error.Details is { } details && details.TryGetValue(RetryAfterDetail, out var retry) && retry is not null)
        {
            context.Response.Headers.RetryAfter = Convert.ToString(retry, CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsJsonAsync(Envelope.Failure(context, error), json.Value.SerializerOptions, context.RequestAborted);
    }

    private static ApiError ForBareStatus(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => new ApiError(
            ApiErrorCodes.NotFound,
            $"No endpoint {context.Request.Method} {context.Request.Path}.",
            "See GET /api/v1/meta/capabilities for the endpoints and GET /api/v1/docs/api-reference for details."),
        StatusCodes.Status405MethodNotAllowed => new ApiError(
            ApiErrorCodes.MethodNotAllowed,
            $"{context.Request.Path} does not accept {context.Request.Method}.",
            context.Response.Headers.Allow.Count > 0 ? $"Allowed: {context.Response.Headers.Allow}." : "See GET /api/v1/meta/capabilities."),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(context),
        StatusCodes.Status413PayloadTooLarge => TooLarge(),
        StatusCodes.Status401Unauthorized => new ApiError(ApiErrorCodes.InvalidApiKey, "Authentication is required.", "Send Authorization: Bearer <api key>."),
        StatusCodes.Status403Forbidden => new ApiError(ApiErrorCodes.InsufficientPermissions, "Not allowed.", "See GET /api/v1/meta/capabilities."),
        >= 500 => new ApiError(ErrorCode.InternalError, "The server hit an unexpected error.", $"Retry later; if it persists, report request id {context.TraceIdentifier}."),
        _ => new ApiError(ErrorCode.ValidationError, "The request was not understood.", "See GET /api/v1/docs/api-reference."),
    };

    private static ApiError Describe(BadHttpRequestException ex)
    {
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (ex.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ApiError(ErrorCode.ValidationError, "The request body must be JSON.", "Send Content-Type: application/json.");
        }

        if (ex.InnerException is JsonException json)
        {
            return DescribeJson(json);
        }

        if (ex.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            || ex.Message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return new ApiError(ErrorCode.ValidationError, "The request body is missing.", "Send a JSON object, e.g. {\"display_name\": \"MyBot\"}, with Content-Type: application/json.");
        }

        return new ApiError(ErrorCode.ValidationError, ex.Message, "See GET /api/v1/docs/api-reference for this endpoint's parameters.");
    }

    private static ApiError DescribeJson(JsonException ex)
    {
        var field = FieldName(ex.Path);
        var position = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine ?? 0})" : string.Empty;
        var message = ex.Message;
        const string Converted = "could not be converted to ";
        var at = message.IndexOf(Converted, StringComparison.Ordinal);
        if (at >= 0 && field is not null)
        {
            var typeName = message[(at + Converted.Length)..];
            var end = typeName.IndexOf(". Path", StringComparison.Ordinal);
            typeName = end >= 0 ? typeName[..end] : typeName.TrimEnd('.');
            return new ApiError(
                ErrorCode.ValidationError,
                $"Field '{field}' has the wrong type: expected {FriendlyType(typeName, field)}{position}.",
                $"Send '{field}' as {FriendlyType(typeName, field)}.",
                new Dictionary<string, object?> { ["field"] = field });
        }

        return new ApiError(
            ErrorCode.ValidationError,
            field is null ? $"The request body is not valid JSON{position}." : $"The request body is not valid JSON at field '{field}'{position}.",
            "Send a JSON object with Content-Type: application/json; strings in double quotes, no trailing commas.",
            field is null ? null : new Dictionary<string, object?> { ["field"] = field });
    }

    private static string? FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>
    /// What the field should be. For a record bound through its constructor the serializer names the record, not the
    /// field's type, so the field is looked up on the record by its wire name.
    /// </summary>
    private static string FriendlyType(string clrType, string field)
    {
        var type = typeof(ApiExceptionMiddleware).Assembly.GetType(clrType) ?? Type.GetType(clrType);
        if (type is not null && !type.IsPrimitive && type != typeof(string))
        {
            var name = field.Split('.', '[')[0];
            var element = field.Contains('[', StringComparison.Ordinal);
            foreach (var property in type.GetProperties())
            {
                if (JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name) == name)
                {
                    var propertyType = property.PropertyType;
                    if (element && propertyType.IsGenericType)
                    {
                        return Describe(propertyType.GetGenericArguments()[0]);
                    }

                    return Describe(propertyType);
                }
            }
        }

        return type is null ? "a different type" : Describe(type);
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "an integer";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return "a number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type.IsArray || (type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            return $"an array of {Describe(item)[(Describe(item).IndexOf(' ', StringComparison.Ordinal) + 1)..]}s";
        }

        return "a JSON object";
    }

    private static ApiError UnsupportedMediaType(HttpContext context) => new(
        ErrorCode.ValidationError,
        $"Content-Type '{context.Request.ContentType}' is not accepted here; the body must be JSON.",
        "Send Content-Type: application/json.");

    private static ApiError TooLarge() => new(
        ErrorCode.ValidationError,
        "The request body is larger than this server accepts.",
        "Send a smaller body (see Tradewind:MaxRequestBodyBytes in docs/configuration.md).");
}
