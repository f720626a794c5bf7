using System.Globalization;
using Tradewind.Signals.Binding;
using Tradewind.Signals.Syntax;

namespace Tradewind.Signals.Compilation;

/// <summary>Source to bound graph: the length limit, parsing and binding, with all diagnostics sorted by position.</summary>
internal static class Frontend
{
    public static (BoundScript? Script, IReadOnlyList<Diagnostic> Diagnostics) Analyze(string text, SignalCompilerOptions options, BindMode mode)
    {
        ArgumentNullException.ThrowIfNull(text);
        var limits = options.Limits;
        var diagnostics = new List<Diagnostic>();
        if (text.Length > limits.MaxScriptLength)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticKind.Limit,
                1,
                1,
                string.Create(CultureInfo.InvariantCulture, $"the script is {text.Length} characters long; the limit is {limits.MaxScriptLength}"),
                "Shorten the script or split it into several."));
            return (null, diagnostics);
        }

        var syntax = Parser.Parse(text, diagnostics, limits.MaxNestingDepth);
        var bound = Binder.Bind(text, syntax, options.Registry, limits, mode, diagnostics);
        var ordered = Order(diagnostics);
        return (ordered.Count == 0 ? bound : null, ordered);
    }

    private static List<Diagnostic> Order(List<Diagnostic> diagnostics)
    {
        var seen = new HashSet<Diagnostic>();
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            if (seen.Add(d))
            {
                result.Add(d);
            }
        }

        // Stable: diagnostics at the same position keep the order they were found in.
        return [.. result.Select((d, i) => (d, i)).OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i).Select(x => x.d)];
    }
}
