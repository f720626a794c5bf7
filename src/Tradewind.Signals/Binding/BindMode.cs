namespace Tradewind.Signals.Binding;

internal enum BindMode
{
    /// <summary>A strategy: assignments and <c>emit_signal</c> statements.</summary>
    Script,

    /// <summary>An expression to evaluate, optionally preceded by assignments; the last line is the value.</summary>
    Expression,
}
