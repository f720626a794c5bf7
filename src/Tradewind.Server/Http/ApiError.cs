using System.Text.Json.Serialization;

namespace Tradewind.Server.Http;

/// <summary>What went wrong: a machine code, a message naming the problem, and what would be valid.</summary>
public sealed record ApiError(
    string Code,
    string Message,
    string? Suggestion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object?>? Details = null);
