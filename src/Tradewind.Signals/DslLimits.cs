namespace Tradewind.Signals;

/// <summary>
/// Bounds that keep any script, however large or hostile, from hanging or crashing the process. Exceeding one is a
/// diagnostic (compile time) or a VALIDATION_ERROR naming the limit (run time).
/// </summary>
public sealed record DslLimits
{
    public static DslLimits Default { get; } = new();

    /// <summary>Longest script, in characters.</summary>
    public int MaxScriptLength { get; init; } = 100_000;

    /// <summary>Most statements (non-empty lines).</summary>
    public int MaxStatements { get; init; } = 1_000;

    /// <summary>Deepest nesting of one expression (parentheses, operators, calls).</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Most distinct operations after identical subexpressions are merged.</summary>
    public int MaxNodes { get; init; } = 10_000;

    /// <summary>Most distinct <c>tf()</c>/<c>ref()</c> contexts.</summary>
    public int MaxContexts { get; init; } = 16;

    /// <summary>Furthest a script can look back with <c>x[-n]</c>, and longest helper window.</summary>
    public int MaxLookback { get; init; } = 100_000;

    /// <summary>Wall-clock budget for preparing a program over its data (all vector work).</summary>
    public TimeSpan EvaluationTimeBudget { get; init; } = TimeSpan.FromSeconds(30);
}
