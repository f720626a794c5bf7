using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Tradewind.Core;
using Tradewind.Signals.Runtime;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

/// <summary>
/// Arbitrary input yields a result or a DSL error, never another exception: random strings (FsCheck), random token
/// soup, and mutations of valid scripts, each compiled as a script and as an expression and, when it compiles, run on
/// real data. Seeds are fixed, so a failure reproduces.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Vocabulary =
    [
        "close", "open", "high", "low", "volume", "hl2", "hlc3", "ohlc4", "timestamp", "hour", "minute", "dayofweek",
        "dayofmonth", "month", "year", "bar_index", "ticker", "exchange", "timeframe", "position_size", "position_side",
        "entry_price", "bars_since_entry", "unrealized_pnl_pct", "equity", "cash", "funding_rate", "x", "y", "z",
        "sma", "ema", "rsi", "bbands", "macd", "atr", "bb", "crossover", "crossunder", "cross", "highest", "lowest",
        "change", "sum", "mean", "stdev", "rising", "falling", "barssince", "valuewhen", "nz", "isna", "abs", "min",
        "max", "log", "exp", "sqrt", "round", "clamp", "tf", "ref", "emit_signal", "entry", "exit", "Weight",
        "Quantity", "Notional", "upper", "lower", "hist", "period", "source", "stop_loss", "take_profit",
        "trailing_stop", "fraction", "and", "or", "not", "if", "else", "true", "false", "na",
        "0", "1", "2", "-1", "-2", "14", "0.5", "1e9", "1e400", "100001", "3.7", ".5", "1e-9",
        "\"LONG\"", "\"SHORT\"", "\"4h\"", "\"1d\"", "\"1m\"", "\"BINANCE:ETH/USDT\"", "\"ETH/USDT\"", "\"\"", "'x", "\"abc",
        "+", "-", "*", "/", "%", "**", "<", "<=", ">", ">=", "==", "!=", "=", "(", ")", "[", "]", ",", ".", "\n", "\n",
        "#", "&&", "!", "?", ":", ";", "\t", "\u00e9", "\u4e2d", "\0", "\\", "@", "$",
    ];

    private static readonly string[] ValidScripts =
    [
        "oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry(\"BINANCE:BTC/USDT\", \"LONG\", Weight(0.5)))",
        "fast = sma(close, 10)\nslow = ema(close, 30)\nemit_signal(crossover(fast, slow), entry(\"LONG\", Weight(1), stop_loss=2, take_profit=5))\nemit_signal(crossunder(fast, slow), exit())",
        "bb = bbands(close, 20, 2)\nemit_signal(close < bb.lower and position_size == 0, entry(\"LONG\", Notional(equity * 0.1)))\nemit_signal(close > bb.middle, exit(fraction=0.5))",
        "h = tf(\"4h\", rsi(close, 14))\nr = ref(\"ETH/USDT\", close)\nemit_signal(h > 50 and r > r[-2] and rising(close, 3), entry(\"SHORT\", Quantity(2), trailing_stop=1.5))",
        "m = macd(close, 12, 26, 9)\nv = stdev(close, 20)\nemit_signal(m.hist > 0 and v > nz(v[-5]) and barssince(close > open) < 3, entry(\"LONG\", Weight(clamp(0.1 + v / close, 0.05, 1))))",
        "emit_signal(valuewhen(cross(close, sma(close, 5)), close, 1) > highest(high, 20)[-2] or bars_since_entry > 10, exit())",
    ];

    private static readonly CandleSeries Bars = MarketData.Sol1h.Slice(0, 300);

    private static readonly InMemorySeriesSource Source = new InMemorySeriesSource()
        .Add(MarketData.SolUsdt, Timeframe.H1, Bars)
        .Add(MarketData.EthUsdt, Timeframe.H1, MarketData.Sol1h.Slice(0, 300));

    [Fact]
    public void Compile_ArbitraryStrings_NeverThrow()
    {
        Prop.ForAll<string>(text => { Exercise(text ?? string.Empty); })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1500).WithReplay(20240601UL, 1UL));
    }

    [Fact]
    public void Compile_TokenSoup_YieldsAResultOrADslError()
    {
        var random = new Random(7);
        for (var n = 0; n < 2500; n++)
        {
            var sb = new StringBuilder();
            var count = random.Next(1, 40);
            for (var t = 0; t < count; t++)
            {
                sb.Append(Vocabulary[random.Next(Vocabulary.Length)]);
                if (random.Next(3) > 0)
                {
                    sb.Append(' ');
                }
            }

            Exercise(sb.ToString());
        }
    }

    [Fact]
    public void Compile_MutatedValidScripts_YieldAResultOrADslError()
    {
        var random = new Random(11);
        var compiled = 0;
        for (var n = 0; n < 2500; n++)
        {
            var text = new StringBuilder(ValidScripts[random.Next(ValidScripts.Length)]);
            if (random.Next(2) == 0)
            {
                // Token-level: swap one name, number or operator for another of the same class, which often stays valid.
                compiled += Exercise(SwapToken(text.ToString(), random)) ? 1 : 0;
                continue;
            }

            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations && text.Length > 0; m++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(5))
                {
                    case 0:
                        text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at));
                        break;
                    case 1:
                        text.Insert(at, Vocabulary[random.Next(Vocabulary.Length)]);
                        break;
                    case 2:
                        text[at] = (char)random.Next(32, 127);
                        break;
                    case 3:
                        {
                            var length = Math.Min(random.Next(1, 20), text.Length - at);
                            text.Insert(random.Next(text.Length), text.ToString(at, length));
                            break;
                        }

                    default:
                        text.Insert(at, random.Next(2) == 0 ? "(" : ")");
                        break;
                }
            }

            compiled += Exercise(text.ToString()) ? 1 : 0;
        }

        // The mutations must leave enough scripts valid for the run path to be exercised too.
        Assert.True(compiled > 100, $"only {compiled} mutated scripts compiled");
    }

    [Fact]
    public void Compile_PathologicalInputs_AreDiagnosedQuickly()
    {
        string[] inputs =
        [
            new string('(', 50_000),
            new string('-', 50_000) + "1",
            string.Join(" + ", Enumerable.Repeat("close", 5_000)),
            string.Concat(Enumerable.Repeat("x = close\n", 2_000)),
            "x = " + string.Join(" if close > open else ", Enumerable.Repeat("1", 500)),
            string.Concat(Enumerable.Range(0, 1_500).Select(i => $"v{i} = sma(close, {i + 2})\n")),
            "x = highest(close, 100000000)",
            "x = close[-1000000000]",
            "\"" + new string('a', 90_000),
            new string('\n', 99_999),
        ];
        foreach (var input in inputs)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Exercise(input);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed} on input starting '{input[..Math.Min(20, input.Length)]}'");
        }
    }

    private static readonly string[] Names = ["close", "open", "high", "low", "volume", "hl2", "position_size", "equity", "bar_index", "hour", "funding_rate"];
    private static readonly string[] Numbers = ["0", "1", "2", "3", "5", "14", "20", "0.5", "0.01", "99", "100000", "1e9", "-1"];
    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "**", "<", "<=", ">", ">=", "==", "!="];

    private static string SwapToken(string text, Random random)
    {
        var tokens = System.Text.RegularExpressions.Regex.Matches(text, @"[A-Za-z_][A-Za-z0-9_]*|\d+(\.\d+)?|\*\*|[<>=!]=|[-+*/%<>]").ToList();
        var pick = tokens[random.Next(tokens.Count)];
        string[] pool = char.IsAsciiDigit(pick.Value[0]) ? Numbers : char.IsAsciiLetter(pick.Value[0]) || pick.Value[0] == '_' ? Names : Operators;
        return string.Concat(text.AsSpan(0, pick.Index), pool[random.Next(pool.Length)], text.AsSpan(pick.Index + pick.Length));
    }

    /// <summary>Compiles and, when valid, runs the input; returns true when the script compiled.</summary>
    private static bool Exercise(string text)
    {
        var script = SignalCompiler.Compile(text, TestRegistry.Options);
        Assert.True(script.Succeeded || script.Diagnostics.Count > 0);
        foreach (var d in script.Diagnostics)
        {
            Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString());
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        }

        var expression = SignalCompiler.CompileExpression(text, TestRegistry.Options);
        if (script.Value is { } compiled)
        {
            RunOrDslError(() =>
            {
                var program = compiled.PrepareAsync(new SignalContext(MarketData.SolUsdt, Timeframe.H1, Bars) { Source = Source }).AsTask().GetAwaiter().GetResult();
                program.EvaluateAll(new FakePortfolio());
            });
        }

        if (expression.Value is { } e)
        {
            RunOrDslError(() => e.EvaluateAsync(new SignalContext(MarketData.SolUsdt, Timeframe.H1, Bars) { Source = Source }).AsTask().GetAwaiter().GetResult());
        }

        return script.Succeeded;
    }

    private static void RunOrDslError(Action run)
    {
        try
        {
            run();
        }
        catch (TradewindException e) when (e.Code is ErrorCode.TaOutOfRange or ErrorCode.ValidationError or ErrorCode.DataUnavailable
            or ErrorCode.InvalidTicker or ErrorCode.UnknownExchange)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }
}
