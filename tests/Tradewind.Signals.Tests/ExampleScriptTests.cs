using Tradewind.Core;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Runtime;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

/// <summary>The script from the product requirement, exactly as agents write it, on real BTC data.</summary>
public sealed class ExampleScriptTests
{
    private const string Script = """
        oversold = rsi(close, 14) < 30
        emit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))
        """;

    [Fact]
    public async Task ExampleScript_OnRealBtcDaily_EmitsAHalfWeightLongOnEveryOversoldBar()
    {
        var candles = MarketData.BtcDaily;
        var program = await Dsl.Compile(Script).PrepareAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.D1, candles));

        var rsi = Dsl.Indicator("rsi", [14], candles.Close)[0];
        var expectedBars = Enumerable.Range(0, candles.Count).Where(i => rsi[i] < 30).ToList();
        var signals = program.EvaluateAll();

        Assert.NotEmpty(expectedBars);
        Assert.Equal(expectedBars, signals.Select(s => s.Bar));
        Assert.All(signals, s =>
        {
            Assert.Equal(candles.Time[s.Bar], s.Time);
            Assert.Equal(IntentKind.Entry, s.Intent.Kind);
            Assert.Equal(MarketData.BtcUsdt, s.Intent.Ticker);
            Assert.Equal(PositionSide.Long, s.Intent.Side);
            Assert.Equal(OrderSize.Weight(0.5), s.Intent.Size);
            Assert.Null(s.Intent.StopLossPct);
        });
        Assert.Equal(candles.Count, program.BarCount);
        Assert.Equal(14, program.FirstTradableBar);
        Assert.False(program.ReadsPortfolio);
    }

    [Fact]
    public async Task ExampleScript_EvaluatedBarByBar_MatchesTheWholeRun()
    {
        var candles = MarketData.Btc30m;
        var program = await Dsl.Compile(Script).PrepareAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.M30, candles));
        var all = program.EvaluateAll();
        var sink = new List<EmittedSignal>();
        for (var bar = 0; bar < program.BarCount; bar++)
        {
            program.EvaluateBar(bar, new FakePortfolio(), sink);
        }

        Assert.Equal(all, sink);
    }

    [Fact]
    public void ExampleScript_CompiledAsWritten_HasNoDiagnostics() =>
        Assert.Empty(Dsl.Errors(Script));
}
