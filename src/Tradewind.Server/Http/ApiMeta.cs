namespace Tradewind.Server.Http;

/// <summary>When the response was made (ISO 8601 UTC) and the request id (also in the X-Request-Id header).</summary>
public sealed record ApiMeta(string Timestamp, string RequestId);
