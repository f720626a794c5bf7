using Tradewind.Core;
using Tradewind.Signals.Runtime;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

public sealed class EvaluateTests
{
    [Fact]
    public async Task Evaluate_LatestRsi_IsTheLastBarOfTheSeries()
    {
        var candles = MarketData.BtcDaily;
        var result = await Dsl.CompileExpression("rsi(close, 14)[-1]").EvaluateAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.D1, candles));
        var rsi = Dsl.Indicator("rsi", [14], candles.Close)[0];
        Assert.Equal(rsi[^1], result.Latest());
        Assert.Equal(["value"], result.Names);
        Assert.Equal(candles.Time, result.Time);
        Assert.False(result.IsBoolean);
    }

    [Fact]
    public async Task Evaluate_MultiOutputIndicator_ReturnsOneColumnPerOutput()
    {
        var candles = MarketData.BtcDaily;
        var result = await Dsl.CompileExpression("bbands(close, 20, 2)").EvaluateAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.D1, candles));
        var bands = Dsl.Indicator("bbands", [20, 2, 2, 0], candles.Close);
        Assert.Equal(["upper", "middle", "lower"], result.Names);
        for (var o = 0; o < 3; o++)
        {
            Dsl.SameSeries(bands[o], result.Columns[o]);
        }

        Assert.Equal([bands[0][^1], bands[1][^1], bands[2][^1]], result.LatestValues);
    }

    [Fact]
    public async Task Evaluate_Condition_IsBooleanOnesAndZeros()
    {
        var result = await Dsl.CompileExpression("rsi(close, 14)[-1] < 30").EvaluateAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.D1, MarketData.BtcDaily));
        Assert.True(result.IsBoolean);
        Assert.All(result.Columns[0], v => Assert.True(v is 0 or 1));
    }

    [Fact]
    public async Task Evaluate_WithAssignmentsBeforeTheValue_ReturnsTheLastLine()
    {
        var values = await Dsl.SeriesAsync("fast = ema(close, 12)\nslow = ema(close, 26)\nfast - slow", MarketData.BtcDaily);
        var fast = Dsl.Indicator("ema", [12], MarketData.BtcDaily.Close)[0];
        var slow = Dsl.Indicator("ema", [26], MarketData.BtcDaily.Close)[0];
        Dsl.SameSeries(fast.Zip(slow, (a, b) => a - b).ToArray(), values);
    }

    [Fact]
    public async Task Scan_ManyTickers_GivesEachLatestValueAndIsolatesErrors()
    {
        var expression = Dsl.CompileExpression("rsi(close, 14)[-1]");
        var contexts = new List<SignalContext>();
        var expected = new List<double>();
        for (var k = 0; k < 20; k++)
        {
            var candles = MarketData.Btc30m.Slice(k * 50, 900);
            contexts.Add(new SignalContext(Ticker.Parse($"SIM:T{k}/USDT"), Timeframe.M30, candles));
            expected.Add(Dsl.Indicator("rsi", [14], candles.Close)[0][^1]);
        }

        contexts.Add(new SignalContext(Ticker.Parse("SIM:SHORT/USDT"), Timeframe.M30, MarketData.Btc30m.Slice(0, 10)));
        var results = await expression.ScanAsync(contexts);

        Assert.Equal(21, results.Count);
        Assert.Equal(expected, results.Take(20).Select(r => r.Value));
        Assert.All(results.Take(20), r => Assert.Null(r.Error));
        var shortRow = results[20];
        Assert.Equal(ErrorCode.TaOutOfRange, shortRow.Error!.Code);
        Assert.Equal(15, shortRow.Error.Details!["bars_needed"]);
        Assert.True(double.IsNaN(shortRow.Value));
    }

    [Fact]
    public async Task Scan_SameExpressionTwice_GivesIdenticalResults()
    {
        var expression = Dsl.CompileExpression("sma(close, 20) / ema(close, 50) + stdev(close, 10)");
        var contexts = Enumerable.Range(0, 5)
            .Select(k => new SignalContext(Ticker.Parse($"SIM:T{k}/USDT"), Timeframe.M30, MarketData.Btc30m.Slice(k * 100, 1000)))
            .ToList();
        var first = await expression.ScanAsync(contexts);
        var second = await expression.ScanAsync(contexts);
        Assert.Equal(first.Select(r => r.Value), second.Select(r => r.Value));
        for (var k = 0; k < contexts.Count; k++)
        {
            var single = await expression.EvaluateAsync(contexts[k]);
            Assert.Equal(single.Latest(), first[k].Value);
        }
    }

    [Fact]
    public async Task Rank_OrdersByLatestValue_WithNaAndErrorsLast()
    {
        var expression = Dsl.CompileExpression("rsi(close, 14)");
        var contexts = Enumerable.Range(0, 8)
            .Select(k => new SignalContext(Ticker.Parse($"SIM:T{k}/USDT"), Timeframe.M30, MarketData.Btc30m.Slice(k * 97, 400)))
            .Append(new SignalContext(Ticker.Parse("SIM:SHORT/USDT"), Timeframe.M30, MarketData.Btc30m.Slice(0, 5)))
            .ToList();
        var scan = await expression.ScanAsync(contexts);
        var descending = await expression.RankAsync(contexts, descending: true, limit: 3);
        var ascending = await expression.RankAsync(contexts, descending: false);

        Assert.Equal(scan.Take(8).Select(r => r.Value).OrderDescending().Take(3), descending.Select(r => r.Value));
        Assert.Equal(scan.Take(8).Select(r => r.Value).Order(), ascending.Take(8).Select(r => r.Value));
        Assert.Equal("SIM:SHORT/USDT", ascending[^1].Ticker.ToString());
        Assert.NotNull(ascending[^1].Error);
    }

    [Fact]
    public void CompileResult_Failure_BecomesOneValidationError()
    {
        var result = SignalCompiler.Compile("a = clsoe\nb = close[0]", TestRegistry.Options);
        Assert.False(result.Succeeded);
        var error = result.ToException();
        Assert.Equal(ErrorCode.ValidationError, error.Code);
        Assert.Equal(
            "The script has 2 errors:\nName error (line 1, column 5): unknown name 'clsoe'; did you mean 'close'?\nIndex error (line 2, column 11): index 0 is not allowed: x[-1] is the current bar, x[-2] the previous one, and so on back in time",
            error.Message);
        Assert.Equal(2, ((System.Collections.ICollection)error.Details!["diagnostics"]!).Count);
        Assert.Throws<TradewindException>(() => result.GetValueOrThrow());
    }
}
