using System.Globalization;
using System.Text;

namespace Tradewind.Signals.Syntax;

/// <summary>
/// Turns script text into tokens. Newlines are tokens (a statement ends at the end of its line); the parser ignores
/// them inside parentheses and brackets so long calls can continue on the next line. <c>#</c> starts a comment.
/// Bad characters and unterminated strings become diagnostics and lexing goes on, so every error is reported.
/// </summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text, List<Diagnostic> diagnostics)
    {
        var tokens = new List<Token>(Math.Min(text.Length / 2 + 8, 1 << 16));
        var line = 1;
        var lineStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var column = i - lineStart + 1;
            if (c == '\n')
            {
                tokens.Add(new Token(TokenKind.Newline, "\n", new SourceSpan(i, 1, line, column)));
                i++;
                line++;
                lineStart = i;
                continue;
            }

            if (c is ' ' or '\t' or '\r' or '\f' or '\v' or '\u00A0' or '\uFEFF')
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ScanNumber(text, i);
                var numberText = text[start..i];
                var value = double.Parse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture);
                var span = new SourceSpan(start, i - start, line, column);
                if (double.IsInfinity(value))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticKind.Syntax, line, column, $"number '{numberText}' is too large"));
                    value = double.MaxValue;
                }

                tokens.Add(new Token(TokenKind.Number, numberText, span, value));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new Token(KeywordKind(word), word, new SourceSpan(start, i - start, line, column)));
                continue;
            }

            if (c is '"' or '\'')
            {
                if (ScanString(text, ref i, out var value))
                {
                    tokens.Add(new Token(TokenKind.String, text[start..i], new SourceSpan(start, i - start, line, column), Value: value));
                }
                else
                {
                    diagnostics.Add(new Diagnostic(
                        DiagnosticKind.Syntax,
                        line,
                        column,
                        "unterminated string",
                        $"Close the string with {c} on the same line."));
                }

                continue;
            }

            var kind = Operator(text, i, out var length);
            if (kind is { } k)
            {
                tokens.Add(new Token(k, text.Substring(i, length), new SourceSpan(i, length, line, column)));
                i += length;
                continue;
            }

            var bad = char.IsSurrogate(c) && i + 1 < text.Length ? text.Substring(i, 2) : c.ToString();
            diagnostics.Add(new Diagnostic(DiagnosticKind.Syntax, line, column, $"unexpected character '{Printable(bad)}'", HintFor(text, i)));
            i += bad.Length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, new SourceSpan(text.Length, 0, line, text.Length - lineStart + 1)));
        return tokens;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        return i;
    }

    private static bool ScanString(string text, ref int i, out string value)
    {
        var quote = text[i];
        i++;
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                break;
            }

            if (c == quote)
            {
                i++;
                value = sb.ToString();
                return true;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] != '\n')
            {
                var e = text[i + 1];
                sb.Append(e switch
                {
                    'n' => '\n',
                    't' => '\t',
                    _ => e,
                });
                i += 2;
                continue;
            }

            sb.Append(c);
            i++;
        }

        value = string.Empty;
        return false;
    }

    private static TokenKind? Operator(string text, int i, out int length)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        length = 2;
        switch (c)
        {
            case '*' when next == '*':
                return TokenKind.StarStar;
            case '<' when next == '=':
                return TokenKind.LessEqual;
            case '>' when next == '=':
                return TokenKind.GreaterEqual;
            case '=' when next == '=':
                return TokenKind.EqualEqual;
            case '!' when next == '=':
                return TokenKind.NotEqual;
        }

        length = 1;
        return c switch
        {
            '+' => TokenKind.Plus,
            '-' => TokenKind.Minus,
            '*' => TokenKind.Star,
            '/' => TokenKind.Slash,
            '%' => TokenKind.Percent,
            '<' => TokenKind.Less,
            '>' => TokenKind.Greater,
            '=' => TokenKind.Assign,
            '(' => TokenKind.LeftParen,
            ')' => TokenKind.RightParen,
            '[' => TokenKind.LeftBracket,
            ']' => TokenKind.RightBracket,
            ',' => TokenKind.Comma,
            '.' => TokenKind.Dot,
            _ => null,
        };
    }

    private static TokenKind KeywordKind(string word) => word switch
    {
        "and" => TokenKind.And,
        "or" => TokenKind.Or,
        "not" => TokenKind.Not,
        "if" => TokenKind.If,
        "else" => TokenKind.Else,
        "true" => TokenKind.True,
        "false" => TokenKind.False,
        "na" => TokenKind.Na,
        _ => TokenKind.Identifier,
    };

    private static string? HintFor(string text, int i)
    {
        return text[i] switch
        {
            '&' => "Use 'and' to combine conditions.",
            '|' => "Use 'or' to combine conditions.",
            '!' => "Use 'not' to negate a condition, or '!=' to compare.",
            '^' => "Use '**' for powers.",
            '?' or ':' => "Write a conditional as: a if condition else b.",
            ';' => "Put each statement on its own line.",
            '{' or '}' => "Group with parentheses ( ).",
            '`' or '\u2018' or '\u2019' or '\u201C' or '\u201D' => "Quote strings with \" or '.",
            '$' or '@' => "Names use letters, digits and '_'.",
            _ => null,
        };
    }

    private static string Printable(string s) => s switch
    {
        "\0" => "\\0",
        _ when s.Length == 1 && char.IsControl(s[0]) => $"\\u{(int)s[0]:X4}",
        _ => s,
    };
}
