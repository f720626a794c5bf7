using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

public sealed class ParserTests
{
    [Theory]
    [InlineData("abc 123", "Syntax error (line 1, column 5): unexpected number '123', expected '=', an operator or end of line")]
    [InlineData("x = ", "Syntax error (line 1, column 5): unexpected end of script, expected an expression")]
    [InlineData("x = rsi(close 14)", "Syntax error (line 1, column 15): unexpected number '14', expected ',' or ')'")]
    [InlineData("x = (close + 1", "Syntax error (line 1, column 5): '(' is never closed")]
    [InlineData("x = sma(close, 3", "Syntax error (line 1, column 8): '(' is never closed")]
    [InlineData("x = close +* 2", "Syntax error (line 1, column 12): unexpected '*', expected an expression")]
    [InlineData("x = 1 < 2 < 3", "Syntax error (line 1, column 11): unexpected '<', expected 'and', 'or' or end of line")]
    [InlineData("x = close if close > 1", "Syntax error (line 1, column 23): unexpected end of script, expected 'else' (a conditional reads: a if condition else b)")]
    [InlineData("x = close[]", "Syntax error (line 1, column 11): unexpected ']', expected an index such as -1 (the current bar) or -2 (the previous bar)")]
    [InlineData("x = bbands(close).", "Syntax error (line 1, column 19): unexpected end of script, expected an output name after '.', e.g. .upper")]
    [InlineData("x = sma(period=3, close)", "Syntax error (line 1, column 19): positional argument after a keyword argument")]
    [InlineData("x = 'open", "Syntax error (line 1, column 5): unterminated string")]
    [InlineData("x = close && open", "Syntax error (line 1, column 11): unexpected character '&'")]
    [InlineData("x = close(1)", "Type error (line 1, column 5): 'close' is a series, not a function")]
    [InlineData("close == 3", "Syntax error (line 1, column 1): this line computes a value but does nothing with it")]
    [InlineData("x = 1 = 2", "Syntax error (line 1, column 7): unexpected '=', expected end of line")]
    public void Parse_InvalidLine_ReportsExactMessage(string script, string expected)
    {
        var errors = Dsl.Errors(script);
        Assert.Equal(expected, errors[0]);
    }

    [Fact]
    public void Parse_ErrorsOnSeveralLines_ReportsEachWithItsLine()
    {
        var errors = Dsl.Errors("a = close +\nb = (1\nc = close\nd = ] 2");
        Assert.Equal(
            [
                "Syntax error (line 1, column 12): unexpected end of line, expected an expression",
                "Syntax error (line 2, column 5): '(' is never closed",
                "Syntax error (line 4, column 5): unexpected ']', expected an expression",
            ],
            errors);
    }

    [Fact]
    public void Parse_CallSpanningLines_ContinuesInsideParentheses()
    {
        Assert.Empty(Dsl.Errors("emit_signal(\n  close > open,\n  entry(\"LONG\", Weight(0.5),\n        stop_loss=2),\n)"));
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreIgnored()
    {
        Assert.Empty(Dsl.Errors("# a comment\n\nup = close > open  # trailing comment\n\nemit_signal(up, exit())\n"));
    }

    [Theory]
    [InlineData("x = 2 ** 3 ** 2", 512)]
    [InlineData("x = -2 ** 2", -4)]
    [InlineData("x = 7 % 3 + 10 / 4", 3.5)]
    [InlineData("x = -7 % 3", 2)]
    [InlineData("x = 1 if 2 > 1 else 0", 1)]
    [InlineData("x = 1 if not (2 > 1 and 1 > 2) else 0", 1)]
    [InlineData("x = (1 + 2) * 3", 9)]
    [InlineData("x = 1.5e1 + .5", 15.5)]
    public async Task Parse_OperatorPrecedence_FollowsTheManual(string assignment, double expected)
    {
        var values = await Dsl.SeriesAsync(assignment + "\nx", MarketData.BtcDaily.Slice(0, 5));
        Assert.All(values, v => Assert.Equal(expected, v));
    }

    [Fact]
    public void Parse_NestingBeyondLimit_IsALimitError()
    {
        var deep = "x = " + new string('(', 200) + "1" + new string(')', 200);
        var errors = Dsl.Errors(deep);
        Assert.Single(errors);
        Assert.StartsWith("Limit error (line 1, column ", errors[0]);
        Assert.Contains("nested more than 64 levels deep", errors[0]);
    }

    [Fact]
    public void Parse_ScriptOverLengthLimit_IsALimitError()
    {
        var errors = Dsl.Errors(new string('#', 100_001));
        Assert.Equal(["Limit error (line 1, column 1): the script is 100001 characters long; the limit is 100000"], errors);
    }
}
