using Tradewind.Core;

namespace Tradewind.Signals;

/// <summary>
/// The outcome of a compilation: the compiled value, or every diagnostic found (never both). Diagnostics are values;
/// <see cref="GetValueOrThrow"/> turns them into one VALIDATION_ERROR for callers that want an exception.
/// </summary>
public sealed class CompileResult<T>
    where T : class
{
    internal CompileResult(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        Value = value;
        Diagnostics = diagnostics;
    }

    public T? Value { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Succeeded => Value is not null;

    public T GetValueOrThrow() => Value ?? throw ToException();

    /// <summary>All diagnostics as one error: the message lists each on its own line, Details carries them as data.</summary>
    public TradewindException ToException()
    {
        var lines = string.Join("\n", Diagnostics.Select(d => d.ToString()));
        var count = Diagnostics.Count;
        return new TradewindException(
            ErrorCode.ValidationError,
            count == 1 ? lines : $"The script has {count} errors:\n{lines}",
            Diagnostics.FirstOrDefault(d => d.Suggestion is not null)?.Suggestion ?? "See docs/signal-dsl.md for the language reference.")
        {
            Details = new Dictionary<string, object?>
            {
                ["diagnostics"] = Diagnostics.Select(d => new Dictionary<string, object?>
                {
                    ["code"] = d.Code,
                    ["line"] = d.Line,
                    ["column"] = d.Column,
                    ["message"] = d.Message,
                    ["suggestion"] = d.Suggestion,
                }).ToList(),
            },
        };
    }
}
