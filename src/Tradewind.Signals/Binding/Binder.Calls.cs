using System.Globalization;
using Tradewind.Core;
using Tradewind.Indicators;
using Tradewind.Signals.Syntax;

namespace Tradewind.Signals.Binding;

/// <summary>Calls: helpers, indicators, tf() and ref().</summary>
internal sealed partial class Binder
{
    private static readonly string[] MaTypeNames = ["sma", "ema", "wma", "dema", "tema", "trima", "kama", "mama", "t3"];

    private BoundNode BindCall(CallSyntax call, Scope scope)
    {
        var name = call.Function.Name;
        // Calls and names are separate: `rsi = rsi(close, 14)` defines a variable and still calls the indicator.
        if (scope.Variables(_variables).ContainsKey(name) && !IsFunctionName(name))
        {
            BindArgumentsForErrors(call, scope);
            return Error(DiagnosticKind.Type, call.Function.Span, Inv($"'{name}' is a variable, not a function"), Inv($"Write {name} without parentheses."));
        }

        switch (name)
        {
            case "emit_signal":
                return Error(
                    DiagnosticKind.Intent,
                    call.Function.Span,
                    "emit_signal(...) is a statement; put it on its own line",
                    "Write: emit_signal(condition, entry(\"LONG\", Weight(0.5))).");
            case "entry" or "exit":
                return Error(
                    DiagnosticKind.Intent,
                    call.Function.Span,
                    Inv($"{name}(...) can only be used inside emit_signal(condition, {name}(...))"),
                    "Intents are emitted on the bars where a condition is true: emit_signal(condition, intent).");
            case "Weight" or "Quantity" or "Notional":
                return Error(
                    DiagnosticKind.Intent,
                    call.Function.Span,
                    Inv($"{name}(...) is a position size; use it inside entry(...), e.g. entry(\"LONG\", {name}(...))"));
            case "tf":
                return BindTf(call, scope);
            case "ref":
                return BindRef(call, scope);
        }

        if (HelperCatalog.All.TryGetValue(name, out var helper))
        {
            return BindHelper(helper, call, scope);
        }

        if (_registry.TryGet(name, out var definition))
        {
            return BindIndicator(definition, call, scope);
        }

        BindArgumentsForErrors(call, scope);
        if (BuiltinNames.IsBuiltinValue(name))
        {
            return Error(DiagnosticKind.Type, call.Function.Span, Inv($"'{name}' is a series, not a function"), Inv($"Write {name} without parentheses."));
        }

        return Error(
            DiagnosticKind.Name,
            call.Function.Span,
            UnknownMessage("function", name, FunctionNameCandidates()),
            name.ToLowerInvariant() is "iff" or "iif" or "ternary" or "ifelse"
                ? "Write a conditional as: a if condition else b."
                : "Indicators are listed in docs/indicators.md; helpers and intents in docs/signal-dsl.md.");
    }

    private void BindArgumentsForErrors(CallSyntax call, Scope scope)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Value is CallSyntax { Function.Name: "entry" or "exit" or "Weight" or "Quantity" or "Notional" or "emit_signal" })
            {
                continue;
            }

            BindExpression(argument.Value, scope);
        }
    }

    private BoundNode BindHelper(HelperSpec helper, CallSyntax call, Scope scope)
    {
        if (helper.Variadic)
        {
            return BindVariadic(helper, call, scope);
        }

        if (!MatchArguments(call, helper.Name, helper.Parameters.Select(p => p.Name).ToArray(), helper.Signature, out var matched))
        {
            BindArgumentsForErrors(call, scope);
            return new ErrorNode(call.Span);
        }

        var args = new BoundNode[helper.Parameters.Count];
        var failed = false;
        for (var i = 0; i < helper.Parameters.Count; i++)
        {
            var parameter = helper.Parameters[i];
            var syntax = matched[i];
            if (syntax is null)
            {
                if (parameter.Default is { } d)
                {
                    args[i] = Constant(d, ValueKind.Number, call.Span);
                    continue;
                }

                Report(
                    DiagnosticKind.Type,
                    call.Span,
                    Inv($"{helper.Name} is missing its '{parameter.Name}' argument: {helper.Signature}"));
                failed = true;
                continue;
            }

            var value = BindExpression(syntax, scope);
            if (value.Kind == ValueKind.Error)
            {
                failed = true;
                continue;
            }

            switch (parameter.Kind)
            {
                case HelperArgKind.Series:
                    failed |= !RequireKind(value, ValueKind.Number, syntax, Inv($"{helper.Name}'s '{parameter.Name}'"));
                    break;
                case HelperArgKind.Condition:
                    failed |= !RequireKind(value, ValueKind.Bool, syntax, Inv($"{helper.Name}'s '{parameter.Name}'"));
                    break;
                case HelperArgKind.ConstInt:
                    if (!CheckConstInt(value, syntax, helper.Name, parameter.Name, parameter.Min, Math.Min(parameter.Max, _limits.MaxLookback)))
                    {
                        failed = true;
                    }

                    break;
            }

            if (!helper.Elementwise && value.ReadsPortfolio)
            {
                Report(
                    DiagnosticKind.Type,
                    syntax.Span,
                    Inv($"{helper.Name} needs the history of its input, but '{Snippet(syntax.Span)}' reads position state, which is known only at the current bar"));
                failed = true;
            }

            args[i] = value;
        }

        return failed ? new ErrorNode(call.Span) : MakeHelper(helper.Name, args, scope, call.Span);
    }

    private BoundNode BindVariadic(HelperSpec helper, CallSyntax call, Scope scope)
    {
        var failed = false;
        foreach (var argument in call.Arguments)
        {
            if (argument.Name is not null)
            {
                Report(DiagnosticKind.Type, argument.NameSpan, Inv($"{helper.Name} takes only positional arguments: {helper.Signature}"));
                failed = true;
            }
        }

        if (call.Arguments.Count < 2 || call.Arguments.Count > HelperCatalog.MaxVariadicArguments)
        {
            BindArgumentsForErrors(call, scope);
            return Error(
                DiagnosticKind.Type,
                call.Span,
                Inv($"{helper.Name} takes 2 to {HelperCatalog.MaxVariadicArguments} arguments: {helper.Signature}, got {call.Arguments.Count}"),
                helper.Name == "max" ? "For the highest value over a window, use highest(source, length)." : "For the lowest value over a window, use lowest(source, length).");
        }

        BoundNode? result = null;
        foreach (var argument in call.Arguments)
        {
            var value = BindExpression(argument.Value, scope);
            if (!RequireKind(value, ValueKind.Number, argument.Value, Inv($"{helper.Name}")))
            {
                failed = true;
                continue;
            }

            result = result is null ? value : MakeBinary(helper.Name == "min" ? BinaryOp.Min : BinaryOp.Max, result, value, ValueKind.Number, call.Span);
        }

        return failed || result is null ? new ErrorNode(call.Span) : result;
    }

    private BoundNode MakeHelper(string name, BoundNode[] a, Scope scope, SourceSpan span)
    {
        switch (name)
        {
            case "nz":
                return MakeBinary(BinaryOp.Nz, a[0], a[1], ValueKind.Number, span);
            case "isna":
                return MakeUnary(UnaryOp.IsNa, a[0], 0, ValueKind.Bool, span);
            case "abs":
                return MakeUnary(UnaryOp.Abs, a[0], 0, ValueKind.Number, span);
            case "log":
                return MakeUnary(UnaryOp.Log, a[0], 0, ValueKind.Number, span);
            case "exp":
                return MakeUnary(UnaryOp.Exp, a[0], 0, ValueKind.Number, span);
            case "sqrt":
                return MakeUnary(UnaryOp.Sqrt, a[0], 0, ValueKind.Number, span);
            case "round":
                return MakeUnary(UnaryOp.Round, a[0], ((ConstantNode)a[1]).Value, ValueKind.Number, span);
            case "clamp":
                return MakeBinary(BinaryOp.Min, MakeBinary(BinaryOp.Max, a[0], a[1], ValueKind.Number, span), a[2], ValueKind.Number, span);
            case "change":
                {
                    var bars = (int)((ConstantNode)a[1]).Value;
                    return MakeBinary(BinaryOp.Subtract, a[0], Shift(a[0], bars, span), ValueKind.Number, span);
                }

            case "rising" or "falling":
                {
                    // Pine's definition: above (below) each of the previous `length` values.
                    var length = (int)((ConstantNode)a[1]).Value;
                    var window = Window(name == "rising" ? WindowKind.Highest : WindowKind.Lowest, [a[0]], length, ValueKind.Number, scope, span);
                    return MakeBinary(name == "rising" ? BinaryOp.Greater : BinaryOp.Less, a[0], Shift(window, 1, span), ValueKind.Bool, span);
                }

            case "crossover":
                return Window(WindowKind.Crossover, [a[0], a[1]], 0, ValueKind.Bool, scope, span);
            case "crossunder":
                return Window(WindowKind.Crossunder, [a[0], a[1]], 0, ValueKind.Bool, scope, span);
            case "cross":
                return Window(WindowKind.Cross, [a[0], a[1]], 0, ValueKind.Bool, scope, span);
            case "highest":
                return Window(WindowKind.Highest, [a[0]], LengthOf(a[1]), ValueKind.Number, scope, span);
            case "lowest":
                return Window(WindowKind.Lowest, [a[0]], LengthOf(a[1]), ValueKind.Number, scope, span);
            case "sum":
                return Window(WindowKind.Sum, [a[0]], LengthOf(a[1]), ValueKind.Number, scope, span);
            case "mean":
                return Window(WindowKind.Mean, [a[0]], LengthOf(a[1]), ValueKind.Number, scope, span);
            case "stdev":
                return Window(WindowKind.Stdev, [a[0]], LengthOf(a[1]), ValueKind.Number, scope, span);
            case "barssince":
                return Window(WindowKind.BarsSince, [a[0]], 0, ValueKind.Number, scope, span);
            case "valuewhen":
                return Window(WindowKind.ValueWhen, [a[0], a[1]], LengthOf(a[2]), ValueKind.Number, scope, span);
            default:
                throw new InvalidOperationException($"Helper '{name}' has no binding.");
        }
    }

    private static int LengthOf(BoundNode node) => (int)((ConstantNode)node).Value;

    private BoundNode Shift(BoundNode node, int bars, SourceSpan span) =>
        bars == 0 || node is ConstantNode ? node : _nodes.Intern(new ShiftNode(node, bars, span));

    // Constant arguments stay constants; the plan turns them into a filled column where a kernel needs one.
    private WindowNode Window(WindowKind kind, BoundNode[] args, int length, ValueKind result, Scope scope, SourceSpan span) =>
        _nodes.Intern(new WindowNode(kind, args, length, result, scope.Context, span));

    private bool CheckConstInt(BoundNode value, ExpressionSyntax syntax, string function, string parameter, double min, double max)
    {
        if (value is not ConstantNode { Kind: ValueKind.Number } c)
        {
            Report(
                DiagnosticKind.Type,
                syntax.Span,
                Inv($"{function}'s '{parameter}' must be a constant whole number, but '{Snippet(syntax.Span)}' changes from bar to bar"));
            return false;
        }

        if (double.IsNaN(c.Value) || c.Value != Math.Floor(c.Value) || c.Value < min || c.Value > max)
        {
            Report(
                DiagnosticKind.Type,
                syntax.Span,
                Inv($"{function}: '{parameter}' = {Format(c.Value)} is out of bounds; it must be a whole number from {Format(min)} to {Format(max)}"));
            return false;
        }

        return true;
    }

    /// <summary>
    /// Matches positional then keyword arguments onto parameter names. Reports too many arguments, unknown or repeated
    /// keywords. The result holds the syntax given for each parameter, or null.
    /// </summary>
    private bool MatchArguments(CallSyntax call, string function, string[] names, string signature, out ExpressionSyntax?[] matched)
    {
        matched = new ExpressionSyntax?[names.Length];
        var ok = true;
        var positional = 0;
        foreach (var argument in call.Arguments)
        {
            if (argument.Name is null)
            {
                if (positional >= names.Length)
                {
                    Report(
                        DiagnosticKind.Type,
                        argument.Span,
                        Inv($"{function} takes at most {names.Length} argument{(names.Length == 1 ? string.Empty : "s")}: {signature}, got {call.Arguments.Count(a => a.Name is null)}"));
                    return false;
                }

                matched[positional++] = argument.Value;
                continue;
            }

            var index = Array.IndexOf(names, argument.Name);
            if (index < 0)
            {
                Report(DiagnosticKind.Type, argument.NameSpan, UnknownMessage(function, "argument", argument.Name, names), Inv($"{function} takes: {signature}."));
                ok = false;
                continue;
            }

            if (matched[index] is not null)
            {
                Report(DiagnosticKind.Type, argument.NameSpan, Inv($"{function}'s '{argument.Name}' is given twice"));
                ok = false;
                continue;
            }

            matched[index] = argument.Value;
        }

        return ok;
    }

    private BoundNode BindIndicator(IndicatorDefinition definition, CallSyntax call, Scope scope)
    {
        var name = definition.Name;
        var inputs = definition.Inputs;
        var parameters = definition.Parameters;
        var signature = IndicatorSignature(definition);
        var realInputs = new List<int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Kind == InputKind.Real)
            {
                realInputs.Add(i);
            }
        }

        var inputSyntax = new ExpressionSyntax?[inputs.Count];
        var parameterSyntax = new ExpressionSyntax?[parameters.Count];
        var failed = false;

        // Keywords first: they name any input (including the implicit ones, to override them) or parameter.
        foreach (var argument in call.Arguments)
        {
            if (argument.Name is not { } keyword)
            {
                continue;
            }

            var inputIndex = IndexOfName(inputs.Select(x => x.Name), keyword);
            var parameterIndex = IndexOfName(parameters.Select(p => p.Name), keyword);
            if (inputIndex >= 0 && inputSyntax[inputIndex] is null)
            {
                inputSyntax[inputIndex] = argument.Value;
            }
            else if (parameterIndex >= 0 && parameterSyntax[parameterIndex] is null)
            {
                parameterSyntax[parameterIndex] = argument.Value;
            }
            else if (inputIndex >= 0 || parameterIndex >= 0)
            {
                Report(DiagnosticKind.Type, argument.NameSpan, Inv($"{name}'s '{keyword}' is given twice"));
                failed = true;
            }
            else
            {
                Report(
                    DiagnosticKind.Type,
                    argument.NameSpan,
                    UnknownMessage(name, "argument", keyword, inputs.Select(x => x.Name).Concat(parameters.Select(p => p.Name))),
                    Inv($"{name} takes: {signature}."));
                failed = true;
            }
        }

        var positional = call.Arguments.Where(a => a.Name is null).Select(a => a.Value).ToList();
        var missingReal = realInputs.Where(i => inputSyntax[i] is null).ToList();
        var next = 0;
        var boundFirst = (BoundNode?)null;
        if (missingReal.Count == 1 && realInputs.Count == 1 && positional.Count > 0)
        {
            // With one series input, a leading constant is the first parameter and the source defaults to close:
            // rsi(14) is rsi(close, 14). A series in first place is the source.
            boundFirst = BindExpression(positional[0], scope);
            if (boundFirst is not ConstantNode { Kind: ValueKind.Number } || parameters.Count == 0)
            {
                inputSyntax[missingReal[0]] = positional[0];
                next = 1;
            }
        }
        else if (missingReal.Count > 0 && realInputs.Count > 1)
        {
            foreach (var i in missingReal)
            {
                if (next >= positional.Count)
                {
                    Report(
                        DiagnosticKind.Type,
                        call.Span,
                        Inv($"{name} needs {realInputs.Count} series: {signature}; '{inputs[i].Name}' is missing"));
                    failed = true;
                    break;
                }

                inputSyntax[i] = positional[next++];
            }
        }

        for (var p = 0; p < parameters.Count && next < positional.Count; p++)
        {
            if (parameterSyntax[p] is not null)
            {
                continue;
            }

            parameterSyntax[p] = positional[next++];
        }

        if (next < positional.Count)
        {
            var max = realInputs.Count + parameters.Count;
            Report(
                DiagnosticKind.Type,
                positional[next].Span,
                Inv($"{name} takes at most {max} argument{(max == 1 ? string.Empty : "s")}: {signature}, got {positional.Count}"));
            BindArgumentsForErrors(call, scope);
            return new ErrorNode(call.Span);
        }

        var boundInputs = new BoundNode[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var syntax = inputSyntax[i];
            if (syntax is null)
            {
                boundInputs[i] = _nodes.Intern(new DataNode(FieldOf(inputs[i].Kind), scope.Context, call.Function.Span));
                continue;
            }

            var value = ReferenceEquals(syntax, positional.FirstOrDefault()) && boundFirst is not null ? boundFirst : BindExpression(syntax, scope);
            if (!RequireKind(value, ValueKind.Number, syntax, Inv($"{name}'s input '{inputs[i].Name}'")))
            {
                failed = true;
                continue;
            }

            if (value.ReadsPortfolio)
            {
                Report(
                    DiagnosticKind.Type,
                    syntax.Span,
                    Inv($"{name} needs the history of '{Snippet(syntax.Span)}', but it reads position state, which is known only at the current bar"));
                failed = true;
                continue;
            }

            boundInputs[i] = value;
        }

        var values = new double[parameters.Count];
        for (var p = 0; p < parameters.Count; p++)
        {
            var spec = parameters[p];
            var syntax = parameterSyntax[p];
            if (syntax is null)
            {
                values[p] = spec.Default;
                continue;
            }

            var value = ReferenceEquals(syntax, positional.FirstOrDefault()) && boundFirst is not null ? boundFirst : BindExpression(syntax, scope);
            if (value.Kind == ValueKind.Error)
            {
                failed = true;
                continue;
            }

            if (spec.Kind == ParameterKind.MaType && value is StringNode s)
            {
                var index = Array.IndexOf(MaTypeNames, s.Value.ToLowerInvariant());
                if (index < 0)
                {
                    Report(DiagnosticKind.Type, syntax.Span, Inv($"{name}: '{spec.Name}' = \"{s.Value}\" is not a moving-average type"), Inv($"Use one of: {string.Join(", ", MaTypeNames)} (or 0-8)."));
                    failed = true;
                    continue;
                }

                values[p] = index;
            }
            else if (value is not ConstantNode { Kind: ValueKind.Number } c)
            {
                Report(
                    DiagnosticKind.Type,
                    syntax.Span,
                    Inv($"{name}'s parameter '{spec.Name}' must be a constant number, but '{Snippet(syntax.Span)}' is {(value.Kind == ValueKind.Number ? "a series that changes from bar to bar" : Describe(value.Kind))}"),
                    realInputs.Count > 0 && p == 0 && value.Kind == ValueKind.Number ? Inv($"Series inputs come first: {signature}.") : null);
                failed = true;
                continue;
            }
            else
            {
                values[p] = c.Value;
            }

            if (!ValidParameter(spec, values[p]))
            {
                Report(
                    DiagnosticKind.Type,
                    syntax.Span,
                    Inv($"{name}: parameter '{spec.Name}' = {Format(values[p])} is out of bounds; it must be {(spec.Kind == ParameterKind.Real ? "a number" : "a whole number")} from {Format(spec.Min)} to {Format(spec.Max)}"));
                failed = true;
            }
        }

        if (failed)
        {
            return new ErrorNode(call.Span);
        }

        // Parameters within bounds can still be unsupported (e.g. a moving-average type not available yet); the
        // registry says so with a typed error, which belongs in the diagnostics, not in an exception from Compile.
        try
        {
            definition.Lookback(values);
        }
        catch (TradewindException e)
        {
            return Error(DiagnosticKind.Type, call.Span, Inv($"{name}: {e.Message.TrimEnd('.')}"), e.Suggestion);
        }

        var node = _nodes.Intern(new IndicatorNode(definition, values, boundInputs, scope.Context, call.Span));
        return definition.Outputs.Count == 1 ? _nodes.Intern(new OutputNode(node, 0, call.Span)) : node;
    }

    private static bool ValidParameter(ParameterSpec spec, double value) =>
        !double.IsNaN(value) && value >= spec.Min && value <= spec.Max && (spec.Kind == ParameterKind.Real || value == Math.Floor(value));

    private static int IndexOfName(IEnumerable<string> names, string name)
    {
        var i = 0;
        foreach (var n in names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    private static DataField FieldOf(InputKind kind) => kind switch
    {
        InputKind.Open => DataField.Open,
        InputKind.High => DataField.High,
        InputKind.Low => DataField.Low,
        InputKind.Volume => DataField.Volume,
        _ => DataField.Close,
    };

    private BoundNode BindTf(CallSyntax call, Scope scope)
    {
        if (!MatchArguments(call, "tf", ["timeframe", "expression"], "tf(timeframe, expression)", out var args))
        {
            return new ErrorNode(call.Span);
        }

        if (args[0] is null || args[1] is null)
        {
            return Error(DiagnosticKind.Type, call.Span, "tf needs 2 arguments: tf(timeframe, expression), e.g. tf(\"4h\", rsi(close, 14))");
        }

        if (args[0] is not StringSyntax text)
        {
            BindExpression(args[1]!, scope);
            return Error(DiagnosticKind.Type, args[0]!.Span, Inv($"tf's timeframe must be a string such as \"4h\"; valid timeframes: {Timeframe.ValidNames}"));
        }

        if (!Timeframe.TryParse(text.Value, out var timeframe))
        {
            BindExpression(args[1]!, scope);
            return Error(DiagnosticKind.Type, text.Span, Inv($"unknown timeframe \"{text.Value}\"; valid timeframes: {Timeframe.ValidNames} (1m is a minute, 1M a month)"));
        }

        var parent = _contexts[scope.Context];
        var context = ContextFor(parent.TickerText, timeframe, call.Span);
        return context < 0 ? new ErrorNode(call.Span) : BindInContext(args[1]!, scope, context, "tf", call.Span);
    }

    private BoundNode BindRef(CallSyntax call, Scope scope)
    {
        if (!MatchArguments(call, "ref", ["ticker", "expression"], "ref(ticker, expression)", out var args))
        {
            return new ErrorNode(call.Span);
        }

        if (args[0] is null || args[1] is null)
        {
            return Error(DiagnosticKind.Type, call.Span, "ref needs 2 arguments: ref(ticker, expression), e.g. ref(\"BINANCE:ETH/USDT\", close)");
        }

        var why = string.Empty;
        if (args[0] is not StringSyntax text || !ValidTickerText(text.Value, out why))
        {
            BindExpression(args[1]!, scope);
            return Error(
                DiagnosticKind.Type,
                args[0]!.Span,
                args[0] is StringSyntax s ? Inv($"invalid ticker \"{s.Value}\": {why}") : "ref's ticker must be a string such as \"BINANCE:ETH/USDT\"",
                "Use EXCHANGE:BASE/QUOTE (e.g. BINANCE:ETH/USDT), or BASE/QUOTE for the script's own exchange.");
        }

        var parent = _contexts[scope.Context];
        var context = ContextFor(text.Value, parent.Timeframe, call.Span);
        return context < 0 ? new ErrorNode(call.Span) : BindInContext(args[1]!, scope, context, "ref", call.Span);
    }

    private BoundNode BindInContext(ExpressionSyntax expression, Scope scope, int context, string within, SourceSpan span)
    {
        var inner = BindExpression(expression, scope with { Context = context, Within = within });
        if (inner.Kind == ValueKind.Error)
        {
            return inner;
        }

        if (inner.Kind == ValueKind.Multi)
        {
            return Error(
                DiagnosticKind.Type,
                expression.Span,
                Inv($"'{Snippet(expression.Span)}' has several outputs ({OutputList(inner)}); pick one inside {within}(...), e.g. .{FirstOutput(inner)}"));
        }

        if (!RequireValue(inner, expression, Inv($"{within}(...)")))
        {
            return new ErrorNode(span);
        }

        if (inner is ConstantNode || context == scope.Context)
        {
            return inner;
        }

        return _nodes.Intern(new AlignNode(inner, context, scope.Context, span));
    }

    private int ContextFor(string? tickerText, Timeframe? timeframe, SourceSpan span)
    {
        foreach (var c in _contexts)
        {
            if (string.Equals(c.TickerText, tickerText, StringComparison.OrdinalIgnoreCase) && Nullable.Equals(c.Timeframe, timeframe))
            {
                return c.Id;
            }
        }

        if (_contexts.Count > _limits.MaxContexts)
        {
            Report(DiagnosticKind.Limit, span, Inv($"the script uses more than {_limits.MaxContexts} distinct tf()/ref() contexts"));
            return -1;
        }

        var spec = new ContextSpec(_contexts.Count, tickerText, timeframe);
        _contexts.Add(spec);
        return spec.Id;
    }

    /// <summary>Checks the form of a ticker; one without an exchange is resolved against the script's exchange when it runs.</summary>
    internal static bool ValidTickerText(string text, out string why)
    {
        var hasExchange = text.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            && (text.IndexOf('/', StringComparison.Ordinal) is var slash && (slash < 0 || colon < slash));
        if (Ticker.TryParse(text, hasExchange ? null : ExchangeId.Binance, out _, out var error))
        {
            why = string.Empty;
            return true;
        }

        why = error.Message.TrimEnd('.');
        var prefix = $"Invalid ticker '{text}': ";
        if (why.StartsWith(prefix, StringComparison.Ordinal))
        {
            why = why[prefix.Length..];
        }

        return false;
    }
}
