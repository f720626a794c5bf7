namespace Tradewind.Signals.Syntax;

/// <summary>One lexical token. <see cref="Text"/> is the source text; <see cref="Number"/> the value of a number literal,
/// <see cref="Value"/> the unescaped content of a string literal.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span, double Number = 0, string? Value = null)
{
    /// <summary>How an error message names this token: <c>number '123'</c>, <c>name 'foo'</c>, <c>end of line</c>.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Number => $"number '{Text}'",
        TokenKind.String => $"string {Text}",
        TokenKind.Identifier => $"name '{Text}'",
        TokenKind.And or TokenKind.Or or TokenKind.Not or TokenKind.If or TokenKind.Else
            or TokenKind.True or TokenKind.False or TokenKind.Na => $"keyword '{Text}'",
        TokenKind.Newline => "end of line",
        TokenKind.End => "end of script",
        _ => $"'{Text}'",
    };
}
