using Tradewind.Signals.Intents;
using Tradewind.Signals.Syntax;

namespace Tradewind.Signals.Binding;

/// <summary><c>emit_signal(condition, intent)</c> with <c>entry(...)</c>/<c>exit(...)</c> and the sizes.</summary>
internal sealed partial class Binder
{
    private const string EntrySignature = "entry(ticker?, side, size, stop_loss=?, take_profit=?, trailing_stop=?)";
    private const string ExitSignature = "exit(ticker?, fraction=1)";

    private void BindEmit(CallSyntax call, Scope scope)
    {
        if (!MatchArguments(call, "emit_signal", ["condition", "intent"], "emit_signal(condition, intent)", out var args))
        {
            return;
        }

        if (args[0] is null || args[1] is null)
        {
            Report(
                DiagnosticKind.Intent,
                call.Span,
                "emit_signal needs 2 arguments: emit_signal(condition, intent), e.g. emit_signal(rsi(close, 14) < 30, entry(\"LONG\", Weight(0.5)))");
            if (args[0] is { } only)
            {
                BindExpression(only, scope);
            }

            return;
        }

        var condition = BindExpression(args[0]!, scope);
        var conditionOk = condition.Kind != ValueKind.Error
            && RequireKind(condition, ValueKind.Bool, args[0]!, "emit_signal's condition");

        IntentTemplate? intent = null;
        switch (args[1])
        {
            case CallSyntax { Function.Name: "entry" } entry:
                intent = BindEntry(entry, scope);
                break;
            case CallSyntax { Function.Name: "exit" } exit:
                intent = BindExit(exit, scope);
                break;
            default:
                if (args[1] is not CallSyntax { Function.Name: "Weight" or "Quantity" or "Notional" })
                {
                    BindExpression(args[1]!, scope);
                }

                Report(
                    DiagnosticKind.Intent,
                    args[1]!.Span,
                    "emit_signal's intent must be entry(...) or exit(...)",
                    "For example: emit_signal(condition, entry(\"LONG\", Weight(0.5))) or emit_signal(condition, exit()).");
                break;
        }

        if (conditionOk && intent is not null)
        {
            _emits.Add(new EmitStatement(call.Span, condition, intent));
        }
    }

    private IntentTemplate? BindEntry(CallSyntax call, Scope scope)
    {
        var names = new[] { "ticker", "side", "size", "stop_loss", "take_profit", "trailing_stop" };
        var slots = new ExpressionSyntax?[names.Length];
        var positional = call.Arguments.Where(a => a.Name is null).Select(a => a.Value).ToList();
        // A leading string is the ticker only when a second string (the side) follows it.
        var first = positional.Count > 1 && positional[0] is StringSyntax s && !IsSide(s.Value) && positional[1] is StringSyntax ? 0 : 1;
        var ok = true;
        for (int p = 0, slot = first; p < positional.Count; p++, slot++)
        {
            if (slot >= names.Length)
            {
                Report(DiagnosticKind.Intent, positional[p].Span, $"entry takes at most 6 arguments: {EntrySignature}");
                return null;
            }

            slots[slot] = positional[p];
        }

        ok &= MatchKeywords(call, "entry", names, slots, EntrySignature);
        var tickerText = BindTickerArgument(slots[0], "entry", ref ok);

        var side = PositionSide.Flat;
        if (slots[1] is null)
        {
            Report(DiagnosticKind.Intent, call.Span, "entry needs a side, \"LONG\" or \"SHORT\": " + EntrySignature);
            ok = false;
        }
        else if (slots[1] is StringSyntax sideText && IsSide(sideText.Value))
        {
            side = string.Equals(sideText.Value, "LONG", StringComparison.OrdinalIgnoreCase) ? PositionSide.Long : PositionSide.Short;
        }
        else
        {
            Report(
                DiagnosticKind.Intent,
                slots[1]!.Span,
                Inv($"entry's side must be \"LONG\" or \"SHORT\", not {Snippet(slots[1]!.Span)}"));
            ok = false;
        }

        var sizeKind = SizeKind.Weight;
        BoundNode? size = null;
        if (slots[2] is null)
        {
            Report(
                DiagnosticKind.Intent,
                call.Span,
                "entry needs a size: Weight(w), Quantity(q) or Notional(usd), e.g. entry(\"LONG\", Weight(0.5))");
            ok = false;
        }
        else if (slots[2] is CallSyntax { Function.Name: "Weight" or "Quantity" or "Notional" } sizeCall)
        {
            (sizeKind, size) = BindSize(sizeCall, scope, ref ok);
        }
        else
        {
            BindExpression(slots[2]!, scope);
            Report(
                DiagnosticKind.Intent,
                slots[2]!.Span,
                Inv($"entry's size must be Weight(w), Quantity(q) or Notional(usd), not '{Snippet(slots[2]!.Span)}'"),
                "Weight(0.5) targets half of equity; Quantity(2) two units; Notional(1000) 1000 in the quote currency.");
            ok = false;
        }

        var stopLoss = BindExitLevel(slots[3], scope, "stop_loss", 100, ref ok);
        var takeProfit = BindExitLevel(slots[4], scope, "take_profit", double.MaxValue, ref ok);
        var trailing = BindExitLevel(slots[5], scope, "trailing_stop", 100, ref ok);
        return ok
            ? new IntentTemplate(IntentKind.Entry, tickerText, side, sizeKind, size, stopLoss, takeProfit, trailing, null, call.Span)
            : null;
    }

    private IntentTemplate? BindExit(CallSyntax call, Scope scope)
    {
        var names = new[] { "ticker", "fraction" };
        var slots = new ExpressionSyntax?[names.Length];
        var positional = call.Arguments.Where(a => a.Name is null).Select(a => a.Value).ToList();
        var first = positional.Count > 0 && positional[0] is StringSyntax ? 0 : 1;
        var ok = true;
        for (int p = 0, slot = first; p < positional.Count; p++, slot++)
        {
            if (slot >= names.Length)
            {
                Report(DiagnosticKind.Intent, positional[p].Span, $"exit takes at most 2 arguments: {ExitSignature}");
                return null;
            }

            slots[slot] = positional[p];
        }

        ok &= MatchKeywords(call, "exit", names, slots, ExitSignature);
        var tickerText = BindTickerArgument(slots[0], "exit", ref ok);
        BoundNode? fraction = null;
        if (slots[1] is { } fractionSyntax)
        {
            fraction = BindExpression(fractionSyntax, scope);
            if (!RequireKind(fraction, ValueKind.Number, fractionSyntax, "exit's fraction"))
            {
                ok = false;
            }
            else if (fraction is ConstantNode c && !(c.Value > 0 && c.Value <= 1))
            {
                Report(DiagnosticKind.Intent, fractionSyntax.Span, Inv($"exit's fraction = {Format(c.Value)} must be above 0 and at most 1 (1 closes the whole position)"));
                ok = false;
            }
        }

        return ok
            ? new IntentTemplate(IntentKind.Exit, tickerText, PositionSide.Flat, SizeKind.Weight, null, null, null, null, fraction, call.Span)
            : null;
    }

    private (SizeKind Kind, BoundNode? Value) BindSize(CallSyntax call, Scope scope, ref bool ok)
    {
        var kind = call.Function.Name switch
        {
            "Quantity" => SizeKind.Quantity,
            "Notional" => SizeKind.Notional,
            _ => SizeKind.Weight,
        };
        var parameter = kind switch
        {
            SizeKind.Quantity => "quantity",
            SizeKind.Notional => "notional",
            _ => "weight",
        };
        var signature = $"{call.Function.Name}({parameter})";
        if (!MatchArguments(call, call.Function.Name, [parameter], signature, out var args))
        {
            ok = false;
            return (kind, null);
        }

        if (args[0] is null)
        {
            Report(DiagnosticKind.Intent, call.Span, Inv($"{signature} needs its value, e.g. {call.Function.Name}({(kind == SizeKind.Weight ? "0.5" : "100")})"));
            ok = false;
            return (kind, null);
        }

        var value = BindExpression(args[0]!, scope);
        if (!RequireKind(value, ValueKind.Number, args[0]!, signature))
        {
            ok = false;
            return (kind, null);
        }

        if (value is ConstantNode c)
        {
            var valid = kind == SizeKind.Weight ? c.Value > 0 && c.Value <= 1 : c.Value > 0 && double.IsFinite(c.Value);
            if (!valid)
            {
                Report(
                    DiagnosticKind.Intent,
                    args[0]!.Span,
                    kind == SizeKind.Weight
                        ? Inv($"Weight({Format(c.Value)}) must be above 0 and at most 1 (a fraction of equity)")
                        : Inv($"{call.Function.Name}({Format(c.Value)}) must be above 0"),
                    "To close a position, emit exit().");
                ok = false;
            }
        }

        return (kind, value);
    }

    private BoundNode? BindExitLevel(ExpressionSyntax? syntax, Scope scope, string name, double maxExclusive, ref bool ok)
    {
        if (syntax is null)
        {
            return null;
        }

        var value = BindExpression(syntax, scope);
        if (!RequireKind(value, ValueKind.Number, syntax, Inv($"entry's {name}")))
        {
            ok = false;
            return null;
        }

        if (value is ConstantNode c && !(c.Value > 0 && c.Value < maxExclusive))
        {
            Report(
                DiagnosticKind.Intent,
                syntax.Span,
                maxExclusive < double.MaxValue
                    ? Inv($"entry's {name} = {Format(c.Value)} must be a percentage above 0 and below {Format(maxExclusive)}")
                    : Inv($"entry's {name} = {Format(c.Value)} must be a percentage above 0"),
                "Exit levels are percentages of the fill price: stop_loss=2 means 2% away.");
            ok = false;
        }

        return value;
    }

    private string? BindTickerArgument(ExpressionSyntax? syntax, string function, ref bool ok)
    {
        if (syntax is null)
        {
            return null;
        }

        var why = string.Empty;
        if (syntax is StringSyntax s && ValidTickerText(s.Value, out why))
        {
            return s.Value;
        }

        Report(
            DiagnosticKind.Intent,
            syntax.Span,
            syntax is StringSyntax bad ? Inv($"{function}'s ticker \"{bad.Value}\" is invalid: {why}") : Inv($"{function}'s ticker must be a string such as \"BINANCE:BTC/USDT\""),
            "Use EXCHANGE:BASE/QUOTE, or leave the ticker out to trade the script's own ticker.");
        ok = false;
        return null;
    }

    private bool MatchKeywords(CallSyntax call, string function, string[] names, ExpressionSyntax?[] slots, string signature)
    {
        var ok = true;
        foreach (var argument in call.Arguments)
        {
            if (argument.Name is not { } keyword)
            {
                continue;
            }

            var index = Array.IndexOf(names, keyword);
            if (index < 0)
            {
                Report(DiagnosticKind.Intent, argument.NameSpan, UnknownMessage(function, "argument", keyword, names), Inv($"{function} takes: {signature}."));
                ok = false;
            }
            else if (slots[index] is not null)
            {
                Report(DiagnosticKind.Intent, argument.NameSpan, Inv($"{function}'s '{keyword}' is given twice"));
                ok = false;
            }
            else
            {
                slots[index] = argument.Value;
            }
        }

        return ok;
    }

    private static bool IsSide(string text) =>
        string.Equals(text, "LONG", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "SHORT", StringComparison.OrdinalIgnoreCase);
}
