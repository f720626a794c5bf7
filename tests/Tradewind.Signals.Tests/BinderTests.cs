using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

public sealed class BinderTests
{
    [Theory]
    [InlineData("x = clsoe > 3", "Name error (line 1, column 5): unknown name 'clsoe'; did you mean 'close'?")]
    [InlineData("x = Close > 3", "Name error (line 1, column 5): unknown name 'Close'; did you mean 'close'?")]
    [InlineData("x = rsii(close, 14)", "Name error (line 1, column 5): unknown function 'rsii'; did you mean 'rsi' or 'tsi'?")]
    [InlineData("x = crossovr(close, open)", "Name error (line 1, column 5): unknown function 'crossovr'; did you mean 'crossover'?")]
    [InlineData("x = y + 1\ny = 2", "Name error (line 1, column 5): 'y' is used before it is assigned (on line 2)")]
    [InlineData("x = sma", "Name error (line 1, column 5): 'sma' is a function; call it, e.g. sma(source, period=30)")]
    [InlineData("x = bbands(close, 20, 2).uper", "Name error (line 1, column 26): bbands has no output 'uper'; did you mean 'upper'?")]
    public void Bind_UnknownNames_SayWhatWasMeant(string script, string expected)
    {
        // The closest suggestion must come first; how many others follow depends on what the registry holds.
        var actual = Dsl.Errors(script)[0];
        var at = expected.IndexOf("did you mean '", StringComparison.Ordinal);
        Assert.StartsWith(at < 0 ? expected : expected[..(expected.IndexOf('\'', at + 14) + 1)], actual);
    }

    [Theory]
    [InlineData("close = 3", "Name error (line 1, column 1): cannot assign to built-in name 'close'")]
    [InlineData("position_size = 3", "Name error (line 1, column 1): cannot assign to built-in name 'position_size'")]
    [InlineData("hl2 = 3", "Name error (line 1, column 1): cannot assign to built-in name 'hl2'")]
    public void Bind_AssignmentToBuiltin_IsAnError(string script, string expected) =>
        Assert.Equal([expected], Dsl.Errors(script));

    [Theory]
    [InlineData("x = rsi(close, 14, 3)", "Type error (line 1, column 20): rsi takes at most 2 arguments: rsi(source, period=14), got 3")]
    [InlineData("x = rsi(close, period=1)", "Type error (line 1, column 23): rsi: parameter 'period' = 1 is out of bounds; it must be a whole number from 2 to 100000")]
    [InlineData("x = rsi(close, 14.5)", "Type error (line 1, column 16): rsi: parameter 'period' = 14.5 is out of bounds; it must be a whole number from 2 to 100000")]
    [InlineData("x = rsi(close, perod=3)", "Type error (line 1, column 16): rsi has no argument 'perod'; did you mean 'period'?")]
    [InlineData("x = rsi(close, period=3, period=4)", "Type error (line 1, column 26): rsi's 'period' is given twice")]
    [InlineData("x = sma(close, close)", "Type error (line 1, column 16): sma's parameter 'period' must be a constant number, but 'close' is a series that changes from bar to bar")]
    [InlineData("x = highest(close)", "Type error (line 1, column 5): highest is missing its 'length' argument: highest(source, length)")]
    [InlineData("x = highest(close, close)", "Type error (line 1, column 20): highest's 'length' must be a constant whole number, but 'close' changes from bar to bar")]
    [InlineData("x = highest(close, 0)", "Type error (line 1, column 20): highest: 'length' = 0 is out of bounds; it must be a whole number from 1 to 100000")]
    [InlineData("x = max(close)", "Type error (line 1, column 5): max takes 2 to 32 arguments: max(a, b, ...), got 1")]
    [InlineData("x = close(1)", "Type error (line 1, column 5): 'close' is a series, not a function")]
    [InlineData("x = 1\ny = x(2)", "Type error (line 2, column 5): 'x' is a variable, not a function")]
    public void Bind_WrongArity_NamesTheSignature(string script, string expected) =>
        Assert.Equal(expected, Dsl.Errors(script)[0]);

    [Theory]
    [InlineData("x = bbands(close, 20, 2) > 3", "Type error (line 1, column 5): '>' needs a number, but 'bbands(close, 20, 2)' is an indicator with several outputs")]
    [InlineData("x = macd(close, 12, 26, 9).hist > 0 and close", "Type error (line 1, column 41): 'and' needs true/false, but 'close' is a number")]
    [InlineData("x = close > open + (close > 3)", "Type error (line 1, column 20): '+' needs a number, but '(close > 3)' is true/false")]
    [InlineData("x = close == na", "Type error (line 1, column 11): comparing with na using '==' is always false")]
    [InlineData("x = ticker == 3", "Type error (line 1, column 12): '==' cannot compare a string with a number")]
    [InlineData("x = 1 if close > open else close > open", "Type error (line 1, column 28): both branches of a conditional must have the same type, but '1' is a number and 'close > open' is true/false")]
    [InlineData("x = 1 if close else 2", "Type error (line 1, column 10): the condition of 'if' needs true/false, but 'close' is a number")]
    [InlineData("x = not close", "Type error (line 1, column 9): 'not' needs true/false, but 'close' is a number")]
    [InlineData("x = tf(\"5h\", close)", "Type error (line 1, column 8): unknown timeframe \"5h\"; valid timeframes: 1m 5m 15m 30m 1h 4h 1d 1w 1M (1m is a minute, 1M a month)")]
    [InlineData("x = ref(\"ETHUSDT\", close)", "Type error (line 1, column 9): invalid ticker \"ETHUSDT\": it has no '/' between base and quote")]
    [InlineData("x = tf(\"4h\", position_size)", "Type error (line 1, column 14): 'position_size' is the script's own position state and cannot be read inside tf(...)")]
    [InlineData("x = sma(position_size, 3)", "Type error (line 1, column 9): sma needs the history of 'position_size', but it reads position state, which is known only at the current bar")]
    [InlineData("x = position_size[-2]", "Type error (line 1, column 5): 'position_size' reads position state, which is known only at the current bar and has no history to index")]
    public void Bind_WrongTypes_AreTypeErrors(string script, string expected) =>
        Assert.Equal(expected, Dsl.Errors(script)[0]);

    [Theory]
    [InlineData("x = close[0]", "Index error (line 1, column 11): index 0 is not allowed: x[-1] is the current bar, x[-2] the previous one, and so on back in time")]
    [InlineData("x = close[2]", "Index error (line 1, column 11): index 2 is not allowed: x[-1] is the current bar, x[-2] the previous one, and so on back in time")]
    [InlineData("x = close[-1.5]", "Index error (line 1, column 11): the index -1.5 must be a whole number such as -1 or -2")]
    [InlineData("x = close[-bar_index]", "Index error (line 1, column 11): the index '-bar_index' must be a constant whole number such as -1 (the current bar) or -2 (the previous bar)")]
    public void Bind_NonNegativeIndex_ExplainsTheConvention(string script, string expected)
    {
        var diagnostic = Assert.Single(SignalCompiler.Compile(script, TestRegistry.Options).Diagnostics);
        Assert.Equal(expected, diagnostic.ToString());
        if (script.Contains("[0]"))
        {
            Assert.Equal(
                "Indexes count back from -1; a zero or positive index would look at a bar that has not closed, and nothing can see a later bar.",
                diagnostic.Suggestion);
        }

        if (script.Contains("[2]"))
        {
            Assert.EndsWith("2 bar(s) ago is x[-3].", diagnostic.Suggestion);
        }
    }

    [Theory]
    [InlineData("x = entry(\"LONG\", Weight(0.5))", "Intent error (line 1, column 5): entry(...) can only be used inside emit_signal(condition, entry(...))")]
    [InlineData("x = Weight(0.5)", "Intent error (line 1, column 5): Weight(...) is a position size; use it inside entry(...), e.g. entry(\"LONG\", Weight(...))")]
    [InlineData("x = close > 1 and emit_signal(close > 1, exit())", "Intent error (line 1, column 19): emit_signal(...) is a statement; put it on its own line")]
    [InlineData("emit_signal(close > open, Weight(0.5))", "Intent error (line 1, column 27): emit_signal's intent must be entry(...) or exit(...)")]
    [InlineData("emit_signal(close > open, entry(\"UP\", Weight(0.5)))", "Intent error (line 1, column 33): entry's side must be \"LONG\" or \"SHORT\", not \"UP\"")]
    [InlineData("emit_signal(close > open, entry(\"LONG\", Weight(2)))", "Intent error (line 1, column 48): Weight(2) must be above 0 and at most 1 (a fraction of equity)")]
    [InlineData("emit_signal(close > open, entry(\"LONG\", 0.5))", "Intent error (line 1, column 41): entry's size must be Weight(w), Quantity(q) or Notional(usd), not '0.5'")]
    [InlineData("emit_signal(close > open, entry(\"LONG\"))", "Intent error (line 1, column 27): entry needs a size: Weight(w), Quantity(q) or Notional(usd), e.g. entry(\"LONG\", Weight(0.5))")]
    [InlineData("emit_signal(close > open, entry(\"BINANCE:BTCUSDT\", \"LONG\", Weight(0.5)))", "Intent error (line 1, column 33): entry's ticker \"BINANCE:BTCUSDT\" is invalid: it has no '/' between base and quote")]
    [InlineData("emit_signal(close > open, entry(\"LONG\", Weight(0.5), stop_loss=0))", "Intent error (line 1, column 64): entry's stop_loss = 0 must be a percentage above 0 and below 100")]
    [InlineData("emit_signal(close > open, exit(fraction=1.5))", "Intent error (line 1, column 41): exit's fraction = 1.5 must be above 0 and at most 1 (1 closes the whole position)")]
    [InlineData("emit_signal(close, entry(\"LONG\", Weight(0.5)))", "Type error (line 1, column 13): emit_signal's condition needs true/false, but 'close' is a number")]
    public void Bind_IntentMisuse_IsAnIntentError(string script, string expected) =>
        Assert.Equal(expected, Dsl.Errors(script)[0]);

    [Fact]
    public void Bind_ParameterTheRegistryRejects_IsADiagnosticNotAnException()
    {
        var registry = new Indicators.IndicatorRegistry(
        [
            new Indicators.IndicatorDefinition
            {
                Name = "picky",
                Group = Indicators.IndicatorGroup.Overlap,
                Title = "Picky",
                Description = "Rejects odd periods in its lookback.",
                Inputs = [new Indicators.InputSpec("source", Indicators.InputKind.Real)],
                Parameters = [Indicators.ParameterSpec.Period(4)],
                Outputs = [new Indicators.OutputSpec("value", "Value.")],
                Lookback = p => p[0] % 2 == 0
                    ? (int)p[0]
                    : Core.ThrowHelper.Throw<int>(Core.ErrorCode.InvalidParameter, "Odd periods are not available.", "Use an even period."),
                Kernel = static (in Indicators.IndicatorInputs i, ReadOnlySpan<double> p, in Indicators.IndicatorOutputs o) => o.Out0.Fill(1),
                CreateStateUnchecked = _ => throw new NotSupportedException(),
            },
        ]);
        var diagnostic = Assert.Single(SignalCompiler.Compile("emit_signal(picky(close, 3) > 0, exit())", new SignalCompilerOptions { Registry = registry }).Diagnostics);
        Assert.Equal("Type error (line 1, column 13): picky: Odd periods are not available", diagnostic.ToString());
        Assert.Equal("Use an even period.", diagnostic.Suggestion);
    }

    [Theory]
    [InlineData("x = iff(close > open, 1, 0)", "Write a conditional as: a if condition else b.")]
    [InlineData("x = na(close)", "na is a value, not a function; to test for na use isna(x).")]
    [InlineData("x = ta.rsi(close, 14)", "Functions have no prefix here: write rsi(...).")]
    public void Bind_IdiomsFromOtherLanguages_GetAHint(string script, string hint) =>
        Assert.Equal(hint, SignalCompiler.Compile(script, TestRegistry.Options).Diagnostics[0].Suggestion);

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet")]
    [InlineData("fast = sma(close, 10)\nslow = sma(close, 30)")]
    public void Bind_ScriptWithoutEmits_IsAnIntentError(string script) =>
        Assert.Equal(["Intent error (line 1, column 1): the script has no emit_signal(...) statement, so it never trades"], Dsl.Errors(script));

    [Fact]
    public void Bind_ManyProblems_AreAllReportedAtOnceInOrder()
    {
        var errors = Dsl.Errors("a = clsoe\nb = rsi(close, 0)\nc = close[1]\nemit_signal(a > b, Weight(1))\nclose = 2");
        Assert.Equal(
            [
                "Name error (line 1, column 5): unknown name 'clsoe'; did you mean 'close'?",
                "Type error (line 2, column 16): rsi: parameter 'period' = 0 is out of bounds; it must be a whole number from 2 to 100000",
                "Index error (line 3, column 11): index 1 is not allowed: x[-1] is the current bar, x[-2] the previous one, and so on back in time",
                "Intent error (line 4, column 20): emit_signal's intent must be entry(...) or exit(...)",
                "Name error (line 5, column 1): cannot assign to built-in name 'close'",
            ],
            errors);
    }

    [Fact]
    public void Bind_SyntaxAndBindErrors_AreReportedTogether()
    {
        var errors = Dsl.Errors("a = (close\nb = clsoe");
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Syntax error (line 1, column 5)", errors[0]);
        Assert.StartsWith("Name error (line 2, column 5)", errors[1]);
    }

    [Theory]
    [InlineData("x = rsi(14) < 30\nemit_signal(x, exit())")]
    [InlineData("x = rsi(period=14, source=hl2) < 30\nemit_signal(x, exit())")]
    [InlineData("x = atr(14) > atr(period=20, close=open)\nemit_signal(x, exit())")]
    [InlineData("u = bbands(close, 20, 2)\nemit_signal(close > u.upper, exit())")]
    [InlineData("emit_signal(crossover(sma(close, 10), sma(close, 30)), entry(\"BINANCE:BTC/USDT\", \"SHORT\", Notional(100), stop_loss=2, take_profit=4, trailing_stop=1))")]
    [InlineData("emit_signal(close > open and position_size == 0, entry(\"LONG\", Weight(0.25)))")]
    [InlineData("emit_signal(bars_since_entry > 10, exit(\"BTC/USDT\", 0.5))")]
    [InlineData("emit_signal(ticker == \"BINANCE:BTC/USDT\" and hour == 0, entry(side=\"LONG\", size=Quantity(0.1)))")]
    [InlineData("emit_signal(tf(\"1w\", close > sma(close, 4)), entry(\"LONG\", Weight(1)))")]
    [InlineData("emit_signal(ref(\"ETH/USDT\", rsi(close, 14)) < 30, entry(\"LONG\", Weight(1)))")]
    [InlineData("emit_signal(close > open, entry(\"LONG\", Notional(equity * 0.1)))")]
    [InlineData("rsi = rsi(close, 14)\nbb = bb(close, 20)\nemit_signal(rsi < 30 and close < bb.lower, exit())")]
    public void Bind_ValidScripts_HaveNoDiagnostics(string script) =>
        Assert.Empty(Dsl.Errors(script));

    [Fact]
    public void Bind_Expression_MultiOutputIsAResult()
    {
        var expression = Dsl.CompileExpression("bbands(close, 20, 2)");
        Assert.Equal(["upper", "middle", "lower"], expression.OutputNames);
    }

    [Theory]
    [InlineData("emit_signal(close > 1, exit())", "Intent error (line 1, column 1): emit_signal(...) belongs in a strategy script, not in an expression to evaluate")]
    [InlineData("x = close", "Syntax error (line 1, column 1): an expression to evaluate must end with an expression, not an assignment")]
    [InlineData("position_size", "Type error (line 1, column 1): an evaluated expression cannot read position or account state")]
    [InlineData("ticker", "Type error (line 1, column 1): 'ticker' is a string; an expression must evaluate to a number or true/false")]
    [InlineData("", "Syntax error (line 1, column 1): the expression is empty")]
    public void Bind_InvalidExpressions_AreReported(string expression, string expected) =>
        Assert.Equal(expected, Dsl.ExpressionErrors(expression)[0]);
}
