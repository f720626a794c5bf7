namespace Tradewind.Signals;

/// <summary>The family of a DSL diagnostic; it is the first word of the rendered message ("Syntax error ...").</summary>
public enum DiagnosticKind
{
    /// <summary>The text is not a valid statement or expression.</summary>
    Syntax,

    /// <summary>An unknown, misplaced or reserved name.</summary>
    Name,

    /// <summary>A value of the wrong type, or a call with the wrong arguments.</summary>
    Type,

    /// <summary>A series index that is not a constant negative whole number.</summary>
    Index,

    /// <summary>An intent (entry, exit, a size) used outside <c>emit_signal</c>, or an invalid intent.</summary>
    Intent,

    /// <summary>A script over a size or nesting limit.</summary>
    Limit,
}
