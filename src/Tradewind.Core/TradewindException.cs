namespace Tradewind.Core;

/// <summary>
/// A domain error: a machine code (see <see cref="ErrorCode"/>), a message that names the problem, and a suggestion
/// that names the valid choices. Boundaries (HTTP, CLI) format it; they never see a bare exception.
/// </summary>
public class TradewindException : Exception
{
    public TradewindException(string code, string message, string? suggestion = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Suggestion = suggestion;
    }

    public TradewindException()
        : this(ErrorCode.InternalError, "Unspecified Tradewind error.")
    {
    }

    public TradewindException(string message)
        : this(ErrorCode.InternalError, message)
    {
    }

    public TradewindException(string message, Exception innerException)
        : this(ErrorCode.InternalError, message, null, innerException)
    {
    }

    /// <summary>Machine code, e.g. <c>VALIDATION_ERROR</c>.</summary>
    public string Code { get; }

    /// <summary>What would be valid, or what to do next. May be null.</summary>
    public string? Suggestion { get; }

    /// <summary>Optional structured details (e.g. {usage, limit} or {bars_needed, bars_available}).</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }
}
