using System.Globalization;

namespace Tradewind.Signals;

/// <summary>
/// One problem found in a script before it runs. Diagnostics are values: compilation collects all of them and returns
/// them together. <see cref="ToString"/> renders the user-facing form, e.g.
/// <c>Syntax error (line 1, column 5): unexpected number '123', expected end of line</c>.
/// </summary>
/// <param name="Kind">The family of the problem.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong, naming the offending text.</param>
/// <param name="Suggestion">What would be valid, when there is something specific to say.</param>
public sealed record Diagnostic(DiagnosticKind Kind, int Line, int Column, string Message, string? Suggestion = null)
{
    /// <summary>A short machine code for APIs, e.g. <c>DSL_SYNTAX</c>.</summary>
    public string Code => Kind switch
    {
        DiagnosticKind.Syntax => "DSL_SYNTAX",
        DiagnosticKind.Name => "DSL_NAME",
        DiagnosticKind.Type => "DSL_TYPE",
        DiagnosticKind.Index => "DSL_INDEX",
        DiagnosticKind.Intent => "DSL_INTENT",
        DiagnosticKind.Limit => "DSL_LIMIT",
        _ => "DSL_ERROR",
    };

    /// <summary>The one-line form: <c>Kind error (line L, column C): message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} error (line {Line}, column {Column}): {Message}");

    /// <summary>The one-line form followed, when there is one, by the suggestion on its own line.</summary>
    public string Render() => Suggestion is null ? ToString() : $"{this}\n  hint: {Suggestion}";
}
