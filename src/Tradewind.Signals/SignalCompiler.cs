using Tradewind.Signals.Binding;
using Tradewind.Signals.Compilation;

namespace Tradewind.Signals;

/// <summary>
/// Entry point of the Signal DSL: source text to a checked, compiled plan. Every problem is found before anything
/// runs and returned as <see cref="Diagnostic"/> values, all at once, each with its line and column.
/// </summary>
public static class SignalCompiler
{
    /// <summary>Compiles a strategy script (assignments and <c>emit_signal</c> statements).</summary>
    public static CompileResult<CompiledScript> Compile(string source, SignalCompilerOptions? options = null)
    {
        options ??= SignalCompilerOptions.Default;
        var (bound, diagnostics) = Frontend.Analyze(source, options, BindMode.Script);
        return bound is null
            ? new CompileResult<CompiledScript>(null, diagnostics)
            : new CompileResult<CompiledScript>(new CompiledScript(PlanCompiler.Compile(bound), options), diagnostics);
    }

    /// <summary>
    /// Compiles an expression to evaluate, e.g. <c>rsi(close, 14)</c> or <c>bbands(close, 20, 2)</c>. Earlier lines may
    /// assign names; the last line is the value.
    /// </summary>
    public static CompileResult<CompiledExpression> CompileExpression(string expression, SignalCompilerOptions? options = null)
    {
        options ??= SignalCompilerOptions.Default;
        var (bound, diagnostics) = Frontend.Analyze(expression, options, BindMode.Expression);
        return bound?.Result is null
            ? new CompileResult<CompiledExpression>(null, diagnostics)
            : new CompileResult<CompiledExpression>(new CompiledExpression(PlanCompiler.Compile(bound), options), diagnostics);
    }
}
