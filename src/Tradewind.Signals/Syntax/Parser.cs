using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tradewind.Signals.Syntax;

/// <summary>
/// Recursive-descent parser for the Signal DSL. One statement per line: <c>name = expr</c> or an expression.
/// On the first error in a statement it records a diagnostic, skips to the end of that line and carries on, so a
/// script's syntax errors are all reported at once. Nesting deeper than the limit is an error, never a stack overflow.
/// </summary>
/// <remarks>
/// Precedence, lowest first: <c>a if c else b</c>; <c>or</c>; <c>and</c>; <c>not</c>; comparisons (not chained);
/// <c>+ -</c>; <c>* / %</c>; unary <c>- +</c>; <c>**</c> (right-associative, binds tighter than a unary minus on its
/// left); calls, <c>[index]</c> and <c>.member</c>.
/// </remarks>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly List<Diagnostic> _diagnostics;
    private readonly int _maxDepth;
    private readonly HashSet<int> _linesWithLexicalErrors;
    private int _position;
    private int _depth;
    private int _parenDepth;
    private int _resumeAfterLine;

    private Parser(List<Token> tokens, List<Diagnostic> diagnostics, int maxDepth)
    {
        _linesWithLexicalErrors = [];
        foreach (var d in diagnostics)
        {
            _linesWithLexicalErrors.Add(d.Line);
        }

        _tokens = tokens;
        _diagnostics = diagnostics;
        _maxDepth = maxDepth;
    }

    private Token Current => _tokens[_position];

    public static ScriptSyntax Parse(string text, List<Diagnostic> diagnostics, int maxDepth)
    {
        var lexical = new List<Diagnostic>();
        var tokens = Lexer.Tokenize(text, lexical);
        var parser = new Parser(tokens, lexical, maxDepth);
        var script = parser.ParseScript();
        diagnostics.AddRange(lexical);
        return script;
    }

    private ScriptSyntax ParseScript()
    {
        var statements = new List<StatementSyntax>();
        while (Current.Kind != TokenKind.End)
        {
            if (Current.Kind == TokenKind.Newline)
            {
                _position++;
                continue;
            }

            var start = _position;
            try
            {
                statements.Add(ParseStatement());
            }
            catch (StatementAbortedException)
            {
                if (_resumeAfterLine > 0)
                {
                    // An unclosed bracket swallowed the lines after it: parse them again as statements of their own.
                    _position = start;
                    while (Current.Kind != TokenKind.End && Current.Span.Line <= _resumeAfterLine)
                    {
                        _position++;
                    }

                    _resumeAfterLine = 0;
                }
                else
                {
                    SkipToNextLine(start);
                }
            }
        }

        return new ScriptSyntax(statements);
    }

    private StatementSyntax ParseStatement()
    {
        _depth = 0;
        _parenDepth = 0;
        StatementSyntax statement;
        var first = Current;
        if (first.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.Assign)
        {
            _position += 2;
            var value = ParseExpression();
            statement = new AssignmentSyntax(SourceSpan.Cover(first.Span, value.Span), first.Text, first.Span, value);
        }
        else
        {
            var expression = ParseExpression();
            statement = new ExpressionStatementSyntax(expression.Span, expression);
        }

        if (Current.Kind is not (TokenKind.Newline or TokenKind.End))
        {
            if (Current.Kind == TokenKind.Assign)
            {
                Fail(
                    Current,
                    "end of line",
                    statement is AssignmentSyntax
                        ? "Use '==' to compare."
                        : "Only a plain name can be assigned to (name = expression); use '==' to compare.");
            }

            Fail(Current, ExpectedAfterExpression(statement));
        }

        return statement;
    }

    private static string ExpectedAfterExpression(StatementSyntax statement) =>
        statement is ExpressionStatementSyntax { Expression: NameSyntax }
            ? "'=', an operator or end of line"
            : "an operator or end of line";

    private ExpressionSyntax ParseExpression()
    {
        Enter();
        var whenTrue = ParseOr();
        if (Current.Kind == TokenKind.If)
        {
            _position++;
            var condition = ParseOr();
            if (Current.Kind != TokenKind.Else)
            {
                Fail(Current, "'else' (a conditional reads: a if condition else b)");
            }

            _position++;
            var whenFalse = ParseExpression();
            whenTrue = new ConditionalSyntax(SourceSpan.Cover(whenTrue.Span, whenFalse.Span), whenTrue, condition, whenFalse);
        }

        _depth--;
        return whenTrue;
    }

    private ExpressionSyntax ParseOr()
    {
        var saved = _depth;
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            var op = Current;
            _position++;
            Enter();
            var right = ParseAnd();
            left = new BinarySyntax(SourceSpan.Cover(left.Span, right.Span), op.Kind, op.Span, left, right);
        }

        _depth = saved;
        return left;
    }

    private ExpressionSyntax ParseAnd()
    {
        var saved = _depth;
        var left = ParseNot();
        while (Current.Kind == TokenKind.And)
        {
            var op = Current;
            _position++;
            Enter();
            var right = ParseNot();
            left = new BinarySyntax(SourceSpan.Cover(left.Span, right.Span), op.Kind, op.Span, left, right);
        }

        _depth = saved;
        return left;
    }

    private ExpressionSyntax ParseNot()
    {
        if (Current.Kind != TokenKind.Not)
        {
            return ParseComparison();
        }

        var op = Current;
        _position++;
        Enter();
        var operand = ParseNot();
        _depth--;
        return new UnarySyntax(SourceSpan.Cover(op.Span, operand.Span), TokenKind.Not, operand);
    }

    private ExpressionSyntax ParseComparison()
    {
        var left = ParseAdditive();
        if (!IsComparison(Current.Kind))
        {
            return left;
        }

        var op = Current;
        _position++;
        Enter();
        var right = ParseAdditive();
        _depth--;
        if (IsComparison(Current.Kind))
        {
            Fail(
                Current,
                "'and', 'or' or end of line",
                string.Create(CultureInfo.InvariantCulture, $"Comparisons do not chain; write a {op.Text} b and b {Current.Text} c."));
        }

        return new BinarySyntax(SourceSpan.Cover(left.Span, right.Span), op.Kind, op.Span, left, right);
    }

    private ExpressionSyntax ParseAdditive()
    {
        var saved = _depth;
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Current;
            _position++;
            Enter();
            var right = ParseMultiplicative();
            left = new BinarySyntax(SourceSpan.Cover(left.Span, right.Span), op.Kind, op.Span, left, right);
        }

        _depth = saved;
        return left;
    }

    private ExpressionSyntax ParseMultiplicative()
    {
        var saved = _depth;
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Current;
            _position++;
            Enter();
            var right = ParseUnary();
            left = new BinarySyntax(SourceSpan.Cover(left.Span, right.Span), op.Kind, op.Span, left, right);
        }

        _depth = saved;
        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Kind is not (TokenKind.Minus or TokenKind.Plus))
        {
            return ParsePower();
        }

        var op = Current;
        _position++;
        Enter();
        var operand = ParseUnary();
        _depth--;
        return new UnarySyntax(SourceSpan.Cover(op.Span, operand.Span), op.Kind, operand);
    }

    private ExpressionSyntax ParsePower()
    {
        var left = ParsePostfix();
        if (Current.Kind != TokenKind.StarStar)
        {
            return left;
        }

        var op = Current;
        _position++;
        Enter();
        var right = ParseUnary();
        _depth--;
        return new BinarySyntax(SourceSpan.Cover(left.Span, right.Span), op.Kind, op.Span, left, right);
    }

    private ExpressionSyntax ParsePostfix()
    {
        var saved = _depth;
        var expression = ParsePrimary();
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.LeftParen:
                    if (expression is not NameSyntax name)
                    {
                        Fail(Current, "an operator or end of line", expression switch
                        {
                            NaSyntax => "na is a value, not a function; to test for na use isna(x).",
                            MemberSyntax { Target: NameSyntax, Member: var m } => $"Functions have no prefix here: write {m}(...).",
                            _ => "Only a named function can be called, e.g. rsi(close, 14).",
                        });
                        return expression;
                    }

                    Enter();
                    expression = ParseCall(name);
                    break;
                case TokenKind.LeftBracket:
                    {
                        var open = Current;
                        _position++;
                        _parenDepth++;
                        Enter();
                        SkipNewlines();
                        if (Current.Kind == TokenKind.RightBracket)
                        {
                            Fail(Current, "an index such as -1 (the current bar) or -2 (the previous bar)");
                        }

                        var index = ParseExpression();
                        SkipNewlines();
                        if (Current.Kind != TokenKind.RightBracket)
                        {
                            FailUnclosedOr(open, "']'");
                        }

                        var close = Current;
                        _position++;
                        _parenDepth--;
                        expression = new IndexSyntax(SourceSpan.Cover(expression.Span, close.Span), expression, index);
                        break;
                    }

                case TokenKind.Dot:
                    {
                        _position++;
                        var member = Current;
                        if (member.Kind != TokenKind.Identifier)
                        {
                            Fail(member, "an output name after '.', e.g. .upper");
                        }

                        _position++;
                        Enter();
                        expression = new MemberSyntax(SourceSpan.Cover(expression.Span, member.Span), expression, member.Text, member.Span);
                        break;
                    }

                default:
                    _depth = saved;
                    return expression;
            }
        }
    }

    private CallSyntax ParseCall(NameSyntax function)
    {
        var open = Current;
        _position++;
        _parenDepth++;
        var arguments = new List<ArgumentSyntax>();
        var sawKeyword = false;
        SkipNewlines();
        if (Current.Kind != TokenKind.RightParen)
        {
            while (true)
            {
                SkipNewlines();
                var start = Current;
                ArgumentSyntax argument;
                if (start.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.Assign)
                {
                    _position += 2;
                    SkipNewlines();
                    var value = ParseExpression();
                    argument = new ArgumentSyntax(SourceSpan.Cover(start.Span, value.Span), start.Text, start.Span, value);
                    sawKeyword = true;
                }
                else
                {
                    var value = ParseExpression();
                    if (sawKeyword)
                    {
                        Report(new Diagnostic(
                            DiagnosticKind.Syntax,
                            start.Span.Line,
                            start.Span.Column,
                            "positional argument after a keyword argument",
                            "Put positional arguments first, then name=value arguments."));
                        throw new StatementAbortedException();
                    }

                    argument = new ArgumentSyntax(value.Span, null, default, value);
                }

                arguments.Add(argument);
                SkipNewlines();
                if (Current.Kind == TokenKind.Comma)
                {
                    _position++;
                    SkipNewlines();
                    if (Current.Kind == TokenKind.RightParen)
                    {
                        break;
                    }

                    continue;
                }

                if (Current.Kind == TokenKind.RightParen)
                {
                    break;
                }

                FailUnclosedOr(open, "',' or ')'");
            }
        }

        var close = Current;
        _position++;
        _parenDepth--;
        return new CallSyntax(SourceSpan.Cover(function.Span, close.Span), function, arguments);
    }

    private ExpressionSyntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _position++;
                return new NumberSyntax(token.Span, token.Number, token.Text);
            case TokenKind.String:
                _position++;
                return new StringSyntax(token.Span, token.Value ?? string.Empty);
            case TokenKind.True:
            case TokenKind.False:
                _position++;
                return new BoolSyntax(token.Span, token.Kind == TokenKind.True);
            case TokenKind.Na:
                _position++;
                return new NaSyntax(token.Span);
            case TokenKind.Identifier:
                _position++;
                return new NameSyntax(token.Span, token.Text);
            case TokenKind.LeftParen:
                {
                    _position++;
                    _parenDepth++;
                    Enter();
                    SkipNewlines();
                    var inner = ParseExpression();
                    SkipNewlines();
                    if (Current.Kind != TokenKind.RightParen)
                    {
                        FailUnclosedOr(token, "')'");
                    }

                    var close = Current;
                    _position++;
                    _parenDepth--;
                    _depth--;
                    return inner with { Span = SourceSpan.Cover(token.Span, close.Span) };
                }

            default:
                Fail(token, "an expression");
                return null;
        }
    }

    /// <summary>
    /// At a token that cannot continue a bracketed expression: if it looks like the start of the next statement (or
    /// the script ended), the real mistake is the bracket never closed, so say that where it was opened.
    /// </summary>
    [DoesNotReturn]
    private void FailUnclosedOr(Token open, string expected)
    {
        var current = Current;
        var nextStatement = current.Kind == TokenKind.End
            || (current.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.Assign && _tokens[_position - 1].Kind == TokenKind.Newline);
        if (!nextStatement)
        {
            Fail(current, expected);
        }

        Report(new Diagnostic(
            DiagnosticKind.Syntax,
            open.Span.Line,
            open.Span.Column,
            $"'{open.Text}' is never closed",
            string.Create(CultureInfo.InvariantCulture, $"Add '{(open.Kind == TokenKind.LeftBracket ? "]" : ")")}' to close it on line {open.Span.Line}.")));
        _resumeAfterLine = open.Span.Line;
        throw new StatementAbortedException();
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            var token = Current;
            Report(new Diagnostic(
                DiagnosticKind.Limit,
                token.Span.Line,
                token.Span.Column,
                string.Create(CultureInfo.InvariantCulture, $"expression is nested more than {_maxDepth} levels deep"),
                "Split it into named steps, one per line (x = ...)."));
            throw new StatementAbortedException();
        }
    }

    private void SkipNewlines()
    {
        while (_parenDepth > 0 && Current.Kind == TokenKind.Newline)
        {
            _position++;
        }
    }

    private Token Peek(int offset) => _tokens[Math.Min(_position + offset, _tokens.Count - 1)];

    [DoesNotReturn]
    private void Fail(Token token, string expected, string? suggestion = null)
    {
        Report(new Diagnostic(
            DiagnosticKind.Syntax,
            token.Span.Line,
            token.Span.Column,
            $"unexpected {token.Describe()}, expected {expected}",
            suggestion ?? SuggestionFor(token)));
        throw new StatementAbortedException();
    }

    private static string? SuggestionFor(Token token) => token.Kind switch
    {
        TokenKind.Assign => "Use '==' to compare; '=' only assigns a name at the start of a line.",
        TokenKind.Else => "A conditional reads: a if condition else b.",
        _ => null,
    };

    // A line with a bad character already has its error; what the parser makes of the rest of it is noise.
    private void Report(Diagnostic diagnostic)
    {
        if (!_linesWithLexicalErrors.Contains(diagnostic.Line))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>After an error: skip the rest of the statement's line (and any lines it continued onto).</summary>
    private void SkipToNextLine(int statementStart)
    {
        if (_position <= statementStart)
        {
            _position = statementStart + 1;
        }

        var depth = _parenDepth;
        while (Current.Kind != TokenKind.End)
        {
            var kind = Current.Kind;
            if (kind == TokenKind.Newline && depth <= 0)
            {
                return;
            }

            if (kind is TokenKind.LeftParen or TokenKind.LeftBracket)
            {
                depth++;
            }
            else if (kind is TokenKind.RightParen or TokenKind.RightBracket)
            {
                depth--;
            }
            else if (kind == TokenKind.Newline && NextLineStartsStatement())
            {
                // An unclosed parenthesis must not swallow the rest of the script.
                return;
            }

            _position++;
        }
    }

    private bool NextLineStartsStatement() =>
        Peek(1).Kind == TokenKind.Identifier && Peek(2).Kind == TokenKind.Assign;

    private static bool IsComparison(TokenKind kind) =>
        kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual
            or TokenKind.EqualEqual or TokenKind.NotEqual;

    private sealed class StatementAbortedException : Exception
    {
    }
}
