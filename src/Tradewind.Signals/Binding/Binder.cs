using System.Collections.Immutable;
using System.Globalization;
using Tradewind.Core;
using Tradewind.Indicators;
using Tradewind.Signals.Compilation.Kernels;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Syntax;

namespace Tradewind.Signals.Binding;

/// <summary>
/// Resolves names, checks types, arity and placement, and builds the hash-consed node graph. Every problem becomes a
/// diagnostic and binding continues (an erroneous expression binds to an <see cref="ErrorNode"/>, which silences
/// follow-on errors), so one pass reports everything.
/// </summary>
internal sealed partial class Binder
{
    private const int MaxVariableRebindDepth = 64;

    private readonly string _text;
    private readonly IndicatorRegistry _registry;
    private readonly DslLimits _limits;
    private readonly BindMode _mode;
    private readonly List<Diagnostic> _diagnostics;
    private readonly NodeTable _nodes = new();
    private readonly List<ContextSpec> _contexts = [new ContextSpec(0, null, null)];
    private readonly List<EmitStatement> _emits = [];
    private readonly Dictionary<string, int> _laterAssignments = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, Variable> _variables = ImmutableDictionary.Create<string, Variable>(StringComparer.Ordinal);
    private int _rebindDepth;
    private bool _nodeLimitReported;

    private Binder(string text, IndicatorRegistry registry, DslLimits limits, BindMode mode, List<Diagnostic> diagnostics)
    {
        _text = text;
        _registry = registry;
        _limits = limits;
        _mode = mode;
        _diagnostics = diagnostics;
    }

    public static BoundScript Bind(string text, ScriptSyntax syntax, IndicatorRegistry registry, DslLimits limits, BindMode mode, List<Diagnostic> diagnostics)
    {
        var binder = new Binder(text, registry, limits, mode, diagnostics);
        return binder.BindScript(syntax);
    }

    private BoundScript BindScript(ScriptSyntax syntax)
    {
        var statements = syntax.Statements;
        foreach (var s in statements)
        {
            if (s is AssignmentSyntax a)
            {
                _laterAssignments.TryAdd(a.Name, a.NameSpan.Line);
            }
        }

        if (statements.Count > _limits.MaxStatements)
        {
            var s = statements[_limits.MaxStatements];
            Report(DiagnosticKind.Limit, s.Span, Inv($"the script has {statements.Count} statements; the limit is {_limits.MaxStatements}"));
            statements = statements.Take(_limits.MaxStatements).ToList();
        }

        BoundNode? result = null;
        var root = new Scope(0, null);
        for (var i = 0; i < statements.Count; i++)
        {
            var isLast = i == statements.Count - 1;
            switch (statements[i])
            {
                case AssignmentSyntax assignment:
                    BindAssignment(assignment, root);
                    if (isLast && _mode == BindMode.Expression)
                    {
                        Report(
                            DiagnosticKind.Syntax,
                            assignment.Span,
                            "an expression to evaluate must end with an expression, not an assignment",
                            Inv($"Add a last line with the value to return, e.g. {assignment.Name}."));
                    }

                    break;
                case ExpressionStatementSyntax { Expression: CallSyntax { Function.Name: "emit_signal" } emit }:
                    if (_mode == BindMode.Expression)
                    {
                        Report(DiagnosticKind.Intent, emit.Span, "emit_signal(...) belongs in a strategy script, not in an expression to evaluate");
                    }
                    else
                    {
                        BindEmit(emit, root);
                    }

                    break;
                case ExpressionStatementSyntax statement:
                    {
                        var before = _diagnostics.Count;
                        var value = BindExpression(statement.Expression, root);
                        if (_mode == BindMode.Expression && isLast)
                        {
                            result = CheckResult(value, statement.Expression);
                        }
                        else if (_diagnostics.Count == before)
                        {
                            Report(
                                DiagnosticKind.Syntax,
                                statement.Span,
                                _mode == BindMode.Script
                                    ? "this line computes a value but does nothing with it"
                                    : "only the last line of an expression may be a bare value",
                                "Assign it to a name (name = ...) or use it in emit_signal(condition, intent).");
                        }

                        break;
                    }
            }
        }

        if (_mode == BindMode.Script && _emits.Count == 0 && _diagnostics.Count == 0)
        {
            Report(
                DiagnosticKind.Intent,
                new SourceSpan(0, 0, 1, 1),
                "the script has no emit_signal(...) statement, so it never trades",
                "Add a line such as: emit_signal(rsi(close, 14) < 30, entry(\"LONG\", Weight(0.5))).");
        }

        if (_mode == BindMode.Expression && statements.Count == 0)
        {
            Report(DiagnosticKind.Syntax, new SourceSpan(0, 0, 1, 1), "the expression is empty", "Write an expression such as rsi(close, 14).");
        }

        return new BoundScript(_text, _nodes.Nodes, _contexts, _emits, result);
    }

    private BoundNode? CheckResult(BoundNode value, ExpressionSyntax syntax)
    {
        switch (value.Kind)
        {
            case ValueKind.Number or ValueKind.Bool or ValueKind.Multi:
                if (value.ReadsPortfolio)
                {
                    Report(DiagnosticKind.Type, syntax.Span, "an evaluated expression cannot read position or account state", "Position state exists only inside a running strategy.");
                    return null;
                }

                return value;
            case ValueKind.String:
                Report(DiagnosticKind.Type, syntax.Span, Inv($"'{Snippet(syntax.Span)}' is a string; an expression must evaluate to a number or true/false"));
                return null;
            default:
                return null;
        }
    }

    private void BindAssignment(AssignmentSyntax assignment, Scope scope)
    {
        var name = assignment.Name;
        if (BuiltinNames.IsBuiltinValue(name))
        {
            Report(DiagnosticKind.Name, assignment.NameSpan, Inv($"cannot assign to built-in name '{name}'"), "Choose another name, e.g. my_" + name + ".");
        }

        var value = BindExpression(assignment.Value, scope);
        if (value.Kind is ValueKind.Intent or ValueKind.Size or ValueKind.Void)
        {
            value = new ErrorNode(assignment.Value.Span);
        }

        var variable = new Variable(name, assignment.Value, _variables);
        variable.Bound[0] = value;
        _variables = _variables.SetItem(name, variable);
        _laterAssignments.Remove(name);
    }

    private BoundNode BindExpression(ExpressionSyntax syntax, Scope scope)
    {
        var node = syntax switch
        {
            NumberSyntax n => Constant(n.Value, ValueKind.Number, n.Span),
            StringSyntax s => _nodes.Intern(new StringNode(s.Value, s.Span)),
            BoolSyntax b => Constant(b.Value ? 1 : 0, ValueKind.Bool, b.Span),
            NaSyntax na => Constant(double.NaN, ValueKind.Number, na.Span),
            NameSyntax name => BindName(name, scope),
            UnarySyntax unary => BindUnary(unary, scope),
            BinarySyntax binary => BindBinary(binary, scope),
            ConditionalSyntax conditional => BindConditional(conditional, scope),
            CallSyntax call => BindCall(call, scope),
            IndexSyntax index => BindIndex(index, scope),
            MemberSyntax member => BindMember(member, scope),
            _ => throw new InvalidOperationException($"Unknown syntax node {syntax.GetType().Name}."),
        };
        CheckNodeLimit(syntax.Span);
        return node;
    }

    private void CheckNodeLimit(SourceSpan span)
    {
        if (_nodes.Count > _limits.MaxNodes && !_nodeLimitReported)
        {
            _nodeLimitReported = true;
            Report(
                DiagnosticKind.Limit,
                span,
                Inv($"the script needs more than {_limits.MaxNodes} distinct operations"),
                "Simplify the script or split it into several.");
        }
    }

    private BoundNode BindName(NameSyntax syntax, Scope scope)
    {
        var name = syntax.Name;
        if (scope.Variables(_variables).TryGetValue(name, out var variable))
        {
            return VariableIn(variable, scope, syntax.Span);
        }

        if (BuiltinNames.Data.TryGetValue(name, out var field))
        {
            return _nodes.Intern(new DataNode(field, scope.Context, syntax.Span));
        }

        if (BuiltinNames.Context.TryGetValue(name, out var contextField))
        {
            return _nodes.Intern(new ContextStringNode(contextField, scope.Context, syntax.Span));
        }

        if (BuiltinNames.Portfolio.TryGetValue(name, out var portfolioField))
        {
            if (scope.Within is { } within)
            {
                return Error(
                    DiagnosticKind.Type,
                    syntax.Span,
                    Inv($"'{name}' is the script's own position state and cannot be read inside {within}(...)"),
                    "Read it outside tf()/ref() and combine the results.");
            }

            return _nodes.Intern(new PortfolioNode(portfolioField, syntax.Span));
        }

        if (IsFunctionName(name))
        {
            return Error(DiagnosticKind.Name, syntax.Span, Inv($"'{name}' is a function; call it, e.g. {ExampleCall(name)}"));
        }

        if (_laterAssignments.TryGetValue(name, out var line))
        {
            return Error(
                DiagnosticKind.Name,
                syntax.Span,
                Inv($"'{name}' is used before it is assigned (on line {line})"),
                "Move the assignment above its first use.");
        }

        return Error(DiagnosticKind.Name, syntax.Span, UnknownMessage("name", name, ValueNameCandidates(scope)));
    }

    private BoundNode VariableIn(Variable variable, Scope scope, SourceSpan use)
    {
        if (variable.Bound.TryGetValue(scope.Context, out var bound))
        {
            return bound;
        }

        // A variable used inside tf()/ref() means its expression evaluated there, as if written in place.
        var original = variable.Bound[0];
        if (original.Kind == ValueKind.Error)
        {
            return original;
        }

        if (original.ReadsPortfolio)
        {
            return Error(
                DiagnosticKind.Type,
                use,
                Inv($"'{variable.Name}' reads position state, which cannot be used inside {scope.Within}(...)"));
        }

        if (++_rebindDepth > MaxVariableRebindDepth)
        {
            _rebindDepth--;
            return Error(DiagnosticKind.Limit, use, Inv($"variables used inside tf()/ref() are nested more than {MaxVariableRebindDepth} deep"));
        }

        var rebound = BindExpression(variable.Syntax, scope with { Env = variable.Environment });
        _rebindDepth--;
        variable.Bound[scope.Context] = rebound;
        return rebound;
    }

    private BoundNode BindUnary(UnarySyntax syntax, Scope scope)
    {
        var operand = BindExpression(syntax.Operand, scope);
        if (operand.Kind == ValueKind.Error)
        {
            return operand;
        }

        if (syntax.Operator == TokenKind.Not)
        {
            return RequireKind(operand, ValueKind.Bool, syntax.Operand, "'not'")
                ? MakeUnary(UnaryOp.Not, operand, 0, ValueKind.Bool, syntax.Span)
                : new ErrorNode(syntax.Span);
        }

        if (!RequireKind(operand, ValueKind.Number, syntax.Operand, Inv($"unary '{(syntax.Operator == TokenKind.Minus ? "-" : "+")}'")))
        {
            return new ErrorNode(syntax.Span);
        }

        return syntax.Operator == TokenKind.Minus ? MakeUnary(UnaryOp.Negate, operand, 0, ValueKind.Number, syntax.Span) : operand;
    }

    private BoundNode BindBinary(BinarySyntax syntax, Scope scope)
    {
        var left = BindExpression(syntax.Left, scope);
        var right = BindExpression(syntax.Right, scope);
        if (left.Kind == ValueKind.Error || right.Kind == ValueKind.Error)
        {
            return new ErrorNode(syntax.Span);
        }

        var opText = OperatorText(syntax.Operator);
        switch (syntax.Operator)
        {
            case TokenKind.And or TokenKind.Or:
                {
                    var ok = RequireKind(left, ValueKind.Bool, syntax.Left, Inv($"'{opText}'"));
                    ok &= RequireKind(right, ValueKind.Bool, syntax.Right, Inv($"'{opText}'"));
                    return ok
                        ? MakeBinary(syntax.Operator == TokenKind.And ? BinaryOp.And : BinaryOp.Or, left, right, ValueKind.Bool, syntax.Span)
                        : new ErrorNode(syntax.Span);
                }

            case TokenKind.EqualEqual or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessEqual
                or TokenKind.Greater or TokenKind.GreaterEqual:
                return BindComparison(syntax, left, right);
            default:
                {
                    var ok = RequireKind(left, ValueKind.Number, syntax.Left, Inv($"'{opText}'"));
                    ok &= RequireKind(right, ValueKind.Number, syntax.Right, Inv($"'{opText}'"));
                    if (!ok)
                    {
                        return new ErrorNode(syntax.Span);
                    }

                    var op = syntax.Operator switch
                    {
                        TokenKind.Plus => BinaryOp.Add,
                        TokenKind.Minus => BinaryOp.Subtract,
                        TokenKind.Star => BinaryOp.Multiply,
                        TokenKind.Slash => BinaryOp.Divide,
                        TokenKind.Percent => BinaryOp.Modulo,
                        _ => BinaryOp.Power,
                    };
                    return MakeBinary(op, left, right, ValueKind.Number, syntax.Span);
                }
        }
    }

    private BoundNode BindComparison(BinarySyntax syntax, BoundNode left, BoundNode right)
    {
        var opText = OperatorText(syntax.Operator);
        if (syntax.Left is NaSyntax || syntax.Right is NaSyntax)
        {
            return Error(
                DiagnosticKind.Type,
                syntax.OperatorSpan,
                Inv($"comparing with na using '{opText}' is always false"),
                "Use isna(x) to test for na, or nz(x, value) to replace it.");
        }

        var equality = syntax.Operator is TokenKind.EqualEqual or TokenKind.NotEqual;
        if (left.Kind == ValueKind.String || right.Kind == ValueKind.String)
        {
            if (!equality || left.Kind != right.Kind)
            {
                return Error(
                    DiagnosticKind.Type,
                    syntax.OperatorSpan,
                    Inv($"'{opText}' cannot compare {Describe(left.Kind)} with {Describe(right.Kind)}"),
                    "Strings (ticker, exchange, timeframe) can only be compared with == or != to another string.");
            }

            var equal = syntax.Operator == TokenKind.EqualEqual;
            if (left is StringNode ls && right is StringNode rs)
            {
                var same = string.Equals(ls.Value, rs.Value, StringComparison.OrdinalIgnoreCase);
                return Constant(same == equal ? 1 : 0, ValueKind.Bool, syntax.Span);
            }

            var context = Math.Max(left.Context, right.Context);
            return _nodes.Intern(new StringCompareNode(left, right, equal, context, syntax.Span));
        }

        if (equality && left.Kind == ValueKind.Bool && right.Kind == ValueKind.Bool)
        {
            return MakeBinary(syntax.Operator == TokenKind.EqualEqual ? BinaryOp.Equal : BinaryOp.NotEqual, left, right, ValueKind.Bool, syntax.Span);
        }

        var ok = RequireKind(left, ValueKind.Number, syntax.Left, Inv($"'{opText}'"));
        ok &= RequireKind(right, ValueKind.Number, syntax.Right, Inv($"'{opText}'"));
        if (!ok)
        {
            return new ErrorNode(syntax.Span);
        }

        var op = syntax.Operator switch
        {
            TokenKind.Less => BinaryOp.Less,
            TokenKind.LessEqual => BinaryOp.LessEqual,
            TokenKind.Greater => BinaryOp.Greater,
            TokenKind.GreaterEqual => BinaryOp.GreaterEqual,
            TokenKind.EqualEqual => BinaryOp.Equal,
            _ => BinaryOp.NotEqual,
        };
        return MakeBinary(op, left, right, ValueKind.Bool, syntax.Span);
    }

    private BoundNode BindConditional(ConditionalSyntax syntax, Scope scope)
    {
        var condition = BindExpression(syntax.Condition, scope);
        var whenTrue = BindExpression(syntax.WhenTrue, scope);
        var whenFalse = BindExpression(syntax.WhenFalse, scope);
        if (condition.Kind == ValueKind.Error || whenTrue.Kind == ValueKind.Error || whenFalse.Kind == ValueKind.Error)
        {
            return new ErrorNode(syntax.Span);
        }

        if (!RequireKind(condition, ValueKind.Bool, syntax.Condition, "the condition of 'if'"))
        {
            return new ErrorNode(syntax.Span);
        }

        var okTrue = RequireValue(whenTrue, syntax.WhenTrue, "a conditional");
        var okFalse = RequireValue(whenFalse, syntax.WhenFalse, "a conditional");
        if (!okTrue || !okFalse)
        {
            return new ErrorNode(syntax.Span);
        }

        if (whenTrue.Kind != whenFalse.Kind)
        {
            return Error(
                DiagnosticKind.Type,
                syntax.WhenFalse.Span,
                Inv($"both branches of a conditional must have the same type, but '{Snippet(syntax.WhenTrue.Span)}' is {Describe(whenTrue.Kind)} and '{Snippet(syntax.WhenFalse.Span)}' is {Describe(whenFalse.Kind)}"));
        }

        if (condition is ConstantNode c)
        {
            return c.Value != 0 ? whenTrue : whenFalse;
        }

        if (whenTrue == whenFalse)
        {
            return whenTrue;
        }

        return _nodes.Intern(new ConditionalNode(condition, whenTrue, whenFalse, whenTrue.Kind, syntax.Span));
    }

    private BoundNode BindIndex(IndexSyntax syntax, Scope scope)
    {
        var target = BindExpression(syntax.Target, scope);
        var index = BindExpression(syntax.Index, scope);
        if (target.Kind == ValueKind.Error || index.Kind == ValueKind.Error)
        {
            return new ErrorNode(syntax.Span);
        }

        if (target.Kind == ValueKind.Multi)
        {
            return Error(
                DiagnosticKind.Type,
                syntax.Target.Span,
                Inv($"'{Snippet(syntax.Target.Span)}' has several outputs ({OutputList(target)}); pick one before indexing, e.g. {Snippet(syntax.Target.Span)}.{FirstOutput(target)}[-1]"));
        }

        if (!RequireValue(target, syntax.Target, "indexing"))
        {
            return new ErrorNode(syntax.Span);
        }

        if (index is not ConstantNode { Kind: ValueKind.Number } constant)
        {
            return Error(
                DiagnosticKind.Index,
                syntax.Index.Span,
                Inv($"the index '{Snippet(syntax.Index.Span)}' must be a constant whole number such as -1 (the current bar) or -2 (the previous bar)"));
        }

        var k = constant.Value;
        if (double.IsNaN(k) || k != Math.Floor(k))
        {
            return Error(DiagnosticKind.Index, syntax.Index.Span, Inv($"the index {Format(k)} must be a whole number such as -1 or -2"));
        }

        if (k >= 0)
        {
            return Error(
                DiagnosticKind.Index,
                syntax.Index.Span,
                Inv($"index {Format(k)} is not allowed: x[-1] is the current bar, x[-2] the previous one, and so on back in time"),
                k >= 1 && k <= _limits.MaxLookback
                    ? Inv($"Indexes count back from -1; a zero or positive index would look at a bar that has not closed, and nothing can see a later bar. {Format(k)} bar(s) ago is x[-{Format(k + 1)}].")
                    : "Indexes count back from -1; a zero or positive index would look at a bar that has not closed, and nothing can see a later bar.");
        }

        if (-k > _limits.MaxLookback)
        {
            return Error(DiagnosticKind.Limit, syntax.Index.Span, Inv($"index {Format(k)} looks back further than the limit of {_limits.MaxLookback} bars"));
        }

        if (target.ReadsPortfolio)
        {
            return Error(
                DiagnosticKind.Type,
                syntax.Target.Span,
                Inv($"'{Snippet(syntax.Target.Span)}' reads position state, which is known only at the current bar and has no history to index"));
        }

        if (k == -1 || target is ConstantNode)
        {
            return target;
        }

        return _nodes.Intern(new ShiftNode(target, (int)(-k - 1), syntax.Span));
    }

    private BoundNode BindMember(MemberSyntax syntax, Scope scope)
    {
        var target = BindExpression(syntax.Target, scope);
        if (target.Kind == ValueKind.Error)
        {
            return target;
        }

        if (target is IndicatorNode indicator)
        {
            var outputs = indicator.Definition.Outputs;
            for (var i = 0; i < outputs.Count; i++)
            {
                if (string.Equals(outputs[i].Name, syntax.Member, StringComparison.OrdinalIgnoreCase))
                {
                    return _nodes.Intern(new OutputNode(indicator, i, syntax.Span));
                }
            }

            return Error(
                DiagnosticKind.Name,
                syntax.MemberSpan,
                UnknownMessage(indicator.Definition.Name, "output", syntax.Member, outputs.Select(o => o.Name)),
                Inv($"{indicator.Definition.Name} has outputs: {OutputList(indicator)}."));
        }

        if (target is OutputNode { Indicator.Definition.Outputs.Count: 1 } single
            && string.Equals(single.Indicator.Definition.Outputs[0].Name, syntax.Member, StringComparison.OrdinalIgnoreCase))
        {
            return target;
        }

        return Error(
            DiagnosticKind.Type,
            syntax.MemberSpan,
            Inv($"'.{syntax.Member}' applies only to an indicator with several outputs, such as bbands(close, 20, 2).upper; '{Snippet(syntax.Target.Span)}' is {Describe(target.Kind)}"));
    }

    private BoundNode MakeUnary(UnaryOp op, BoundNode operand, double parameter, ValueKind kind, SourceSpan span)
    {
        if (operand is ConstantNode c)
        {
            return Constant(ScalarMath.Unary(op, c.Value, parameter), kind, span);
        }

        return _nodes.Intern(new UnaryNode(op, operand, parameter, kind, span));
    }

    private BoundNode MakeBinary(BinaryOp op, BoundNode left, BoundNode right, ValueKind kind, SourceSpan span)
    {
        if (left is ConstantNode a && right is ConstantNode b)
        {
            return Constant(ScalarMath.Binary(op, a.Value, b.Value), kind, span);
        }

        if (left == right && op is BinaryOp.And or BinaryOp.Or or BinaryOp.Min or BinaryOp.Max)
        {
            return left;
        }

        // Commutative operators are keyed in one operand order so `a + b` and `b + a` are one node.
        if (op is BinaryOp.Add or BinaryOp.Multiply or BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.And or BinaryOp.Or
                or BinaryOp.Min or BinaryOp.Max
            && left.Id > right.Id)
        {
            (left, right) = (right, left);
        }

        return _nodes.Intern(new BinaryNode(op, left, right, kind, span));
    }

    private ConstantNode Constant(double value, ValueKind kind, SourceSpan span) => _nodes.Intern(new ConstantNode(value, kind, span));

    private bool RequireKind(BoundNode node, ValueKind kind, ExpressionSyntax syntax, string what)
    {
        if (node.Kind == kind || node.Kind == ValueKind.Error)
        {
            return node.Kind == kind;
        }

        var hint = (kind, node.Kind) switch
        {
            (ValueKind.Bool, ValueKind.Number) => "Compare it to make a condition, e.g. x > 0.",
            (ValueKind.Number, ValueKind.Bool) => "Turn a condition into a number with: 1 if condition else 0.",
            (_, ValueKind.Multi) => Inv($"Pick an output, e.g. .{FirstOutput(node)}."),
            _ => null,
        };
        Report(
            DiagnosticKind.Type,
            syntax.Span,
            Inv($"{what} needs {Describe(kind)}, but '{Snippet(syntax.Span)}' is {Describe(node.Kind)}"),
            hint);
        return false;
    }

    private bool RequireValue(BoundNode node, ExpressionSyntax syntax, string what)
    {
        if (node.Kind is ValueKind.Number or ValueKind.Bool)
        {
            return true;
        }

        if (node.Kind == ValueKind.Error)
        {
            return false;
        }

        Report(
            DiagnosticKind.Type,
            syntax.Span,
            Inv($"{what} needs a number or true/false, but '{Snippet(syntax.Span)}' is {Describe(node.Kind)}"),
            node.Kind == ValueKind.Multi ? Inv($"Pick an output, e.g. .{FirstOutput(node)}.") : null);
        return false;
    }

    private static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Number => "a number",
        ValueKind.Bool => "true/false",
        ValueKind.String => "a string",
        ValueKind.Multi => "an indicator with several outputs",
        ValueKind.Intent => "an intent",
        ValueKind.Size => "a size",
        ValueKind.Void => "a statement",
        _ => "invalid",
    };

    private static string OutputList(BoundNode node) =>
        node is IndicatorNode i ? string.Join(", ", i.Definition.Outputs.Select(o => o.Name)) : string.Empty;

    private static string FirstOutput(BoundNode node) =>
        node is IndicatorNode i && i.Definition.Outputs.Count > 0 ? i.Definition.Outputs[0].Name : "value";

    private static string OperatorText(TokenKind kind) => kind switch
    {
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.StarStar => "**",
        TokenKind.Slash => "/",
        TokenKind.Percent => "%",
        TokenKind.Less => "<",
        TokenKind.LessEqual => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterEqual => ">=",
        TokenKind.EqualEqual => "==",
        TokenKind.NotEqual => "!=",
        TokenKind.And => "and",
        TokenKind.Or => "or",
        _ => kind.ToString(),
    };

    /// <summary>The source text of a span, shortened for messages.</summary>
    private string Snippet(SourceSpan span)
    {
        var start = Math.Clamp(span.Start, 0, _text.Length);
        var length = Math.Clamp(span.Length, 0, _text.Length - start);
        var text = _text.Substring(start, length).ReplaceLineEndings(" ");
        return text.Length <= 48 ? text : string.Concat(text.AsSpan(0, 45), "...");
    }

    private bool IsFunctionName(string name) =>
        BuiltinNames.SpecialFunctions.Contains(name) || HelperCatalog.All.ContainsKey(name) || _registry.TryGet(name, out _);

    private string ExampleCall(string name)
    {
        if (HelperCatalog.All.TryGetValue(name, out var helper))
        {
            return helper.Signature;
        }

        if (_registry.TryGet(name, out var d))
        {
            return IndicatorSignature(d);
        }

        return name switch
        {
            "tf" => "tf(\"4h\", close)",
            "ref" => "ref(\"BINANCE:ETH/USDT\", close)",
            "entry" => "entry(\"LONG\", Weight(0.5))",
            "exit" => "exit()",
            "emit_signal" => "emit_signal(condition, entry(\"LONG\", Weight(0.5)))",
            _ => name + "(...)",
        };
    }

    private static string IndicatorSignature(IndicatorDefinition d)
    {
        var parts = d.Inputs.Where(i => i.Kind == InputKind.Real).Select(i => i.Name)
            .Concat(d.Parameters.Select(p => p.Name + "=" + Format(p.Default)));
        return $"{d.Name}({string.Join(", ", parts)})";
    }

    private IEnumerable<string> ValueNameCandidates(Scope scope) =>
        scope.Variables(_variables).Keys.Concat(BuiltinNames.AllValueNames);

    private IEnumerable<string> FunctionNameCandidates() =>
        BuiltinNames.SpecialFunctions.Concat(HelperCatalog.All.Keys).Concat(_registry.Names);

    /// <summary><c>rsi has no argument 'perod'; did you mean 'period'?</c></summary>
    private static string UnknownMessage(string owner, string what, string name, IEnumerable<string> candidates)
    {
        var close = Suggest(name, candidates);
        return close.Count == 0
            ? Inv($"{owner} has no {what} '{name}'")
            : Inv($"{owner} has no {what} '{name}'; did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?");
    }

    private static string UnknownMessage(string what, string name, IEnumerable<string> candidates)
    {
        var close = Suggest(name, candidates);
        return close.Count == 0
            ? Inv($"unknown {what} '{name}'")
            : Inv($"unknown {what} '{name}'; did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?");
    }

    /// <summary>Up to three candidates closest to <paramref name="name"/>: same letters in another case first, then by edit distance.</summary>
    internal static IReadOnlyList<string> Suggest(string name, IEnumerable<string> candidates)
    {
        var lower = name.ToLowerInvariant();
        var limit = Math.Max(2, name.Length / 3);
        var scored = new List<(string Name, int Distance)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (!seen.Add(c))
            {
                continue;
            }

            var d = string.Equals(c, name, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance.Compute(lower, c.ToLowerInvariant());
            if (d <= limit && d < Math.Max(c.Length, name.Length))
            {
                scored.Add((c, d));
            }
        }

        scored.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Name, b.Name));
        var result = new List<string>(3);
        foreach (var (n, _) in scored)
        {
            result.Add(n);
            if (result.Count == 3)
            {
                break;
            }
        }

        return result;
    }

    private ErrorNode Error(DiagnosticKind kind, SourceSpan span, string message, string? suggestion = null)
    {
        Report(kind, span, message, suggestion);
        return new ErrorNode(span);
    }

    private void Report(DiagnosticKind kind, SourceSpan span, string message, string? suggestion = null) =>
        _diagnostics.Add(new Diagnostic(kind, span.Line, span.Column, message, suggestion));

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>A named value: its syntax (to evaluate it again inside tf()/ref()) and its bound node per context.</summary>
    private sealed class Variable(string name, ExpressionSyntax syntax, ImmutableDictionary<string, Variable> environment)
    {
        public string Name { get; } = name;

        public ExpressionSyntax Syntax { get; } = syntax;

        /// <summary>The variables visible where it was assigned.</summary>
        public ImmutableDictionary<string, Variable> Environment { get; } = environment;

        public Dictionary<int, BoundNode> Bound { get; } = [];
    }

    /// <summary>Where an expression is bound: its context, the tf/ref it is inside (for messages), and the variables it sees.</summary>
    private readonly record struct Scope(int Context, string? Within, ImmutableDictionary<string, Variable>? Env = null)
    {
        public ImmutableDictionary<string, Variable> Variables(ImmutableDictionary<string, Variable> current) => Env ?? current;
    }
}
