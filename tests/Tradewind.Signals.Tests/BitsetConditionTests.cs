using Tradewind.Core;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

/// <summary>
/// Emit conditions run as bitsets; evaluated expressions run as columns of 1/0. Both must agree bar for bar,
/// including around the 64-bar word boundaries and with na.
/// </summary>
public sealed class BitsetConditionTests
{
    public static TheoryData<string, int> Cases()
    {
        string[] conditions =
        [
            "close > open",
            "close >= sma(close, 5) and not (rsi(close, 14) > 60)",
            "crossover(sma(close, 5), sma(close, 20)) or crossunder(close, sma(close, 20))",
            "cross(close, ema(close, 9)) and volume > sma(volume, 10)",
            "isna(sma(close, 30)) or close == close[-2] or close != open",
            "not isna(rsi(close, 14)) and rsi(close, 14) <= 45 and 30 < rsi(close, 14)",
            "crossover(rsi(close, 14), 50) or crossunder(60, rsi(close, 14))",
            "(close > open) == (close[-2] > open[-2])",
            "rising(close, 2) or falling(close, 3) and high > highest(high, 5)[-2]",
        ];
        var data = new TheoryData<string, int>();
        foreach (var c in conditions)
        {
            foreach (var n in new[] { 63, 64, 65, 129, 1246 })
            {
                data.Add(c, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EmitCondition_AsBitset_MatchesTheEvaluatedColumn(string condition, int bars)
    {
        var candles = MarketData.BtcDaily.Slice(0, bars);
        var program = await Dsl.PrepareAsync($"emit_signal({condition}, exit())", candles);
        var column = await Dsl.SeriesAsync(condition, candles);
        var expected = Enumerable.Range(program.FirstTradableBar, bars - program.FirstTradableBar).Where(i => column[i] == 1).ToList();
        Assert.Equal(expected, program.EvaluateAll().Select(s => s.Bar));
    }

    [Fact]
    public void Plan_ConditionOnlyReadByEmits_UsesBitsetSteps()
    {
        var plan = Dsl.Compile("emit_signal(close > open and not (rsi(close, 14) < 30), exit())").DescribePlan();
        var lines = plan.Split('\n');
        Assert.StartsWith("b", lines.Single(l => l.Contains("And(")));
        Assert.StartsWith("b", lines.Single(l => l.Contains("Not(")));
        Assert.StartsWith("b", lines.Single(l => l.Contains("Less(")));
    }

    [Fact]
    public async Task Condition_SharedWithAConditional_FallsBackToColumns()
    {
        var candles = MarketData.BtcDaily;
        var program = await Dsl.Compile("up = close > open\nemit_signal(up and (1 if up else 0) > 0, exit())")
            .PrepareAsync(new Runtime.SignalContext(MarketData.BtcUsdt, Timeframe.D1, candles));
        var expected = Enumerable.Range(0, candles.Count).Where(i => candles.Close[i] > candles.Open[i]).ToList();
        Assert.Equal(expected, program.EvaluateAll().Select(s => s.Bar));
    }
}
