namespace Tradewind.Signals.Syntax;

/// <summary>A range of the script text: character offset and length, plus the 1-based line and column of its start.</summary>
internal readonly record struct SourceSpan(int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static SourceSpan Cover(SourceSpan first, SourceSpan last) =>
        new(first.Start, Math.Max(first.Length, last.End - first.Start), first.Line, first.Column);
}
