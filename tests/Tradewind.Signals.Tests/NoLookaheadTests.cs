using Tradewind.Core;
using Tradewind.Signals.Runtime;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

/// <summary>
/// Appending future bars never changes a past value or signal: every construct, on real data, with a series source
/// that holds the future too (so tf() and ref() would leak it if they could).
/// </summary>
public sealed class NoLookaheadTests
{
    private const string Script = """
        fast = sma(close, 10)
        slow = ema(close, 30)
        r = rsi(close, 14)
        hi = highest(high, 20)
        vol = stdev(close, 20)
        htf = tf("4h", rsi(close, 14))
        other = ref("ETH/USDT", close)
        up = crossover(fast, slow) and r < 70 and htf > 40
        down = crossunder(fast, slow) or close < valuewhen(up, low, 0) or barssince(up) > 30
        emit_signal(up and other > other[-2], entry("LONG", Weight(0.5), stop_loss=2))
        emit_signal(down, exit())
        emit_signal(close >= hi[-2] and vol > nz(vol[-5]) and rising(close, 2), entry("SHORT", Notional(100)))
        """;

    private const string Expression =
        "tf(\"4h\", sma(close, 3)) + ref(\"ETH/USDT\", close) * 0.001 + bbands(close, 20, 2).upper - mean(close, 7) + change(close, 3) + nz(valuewhen(cross(close, sma(close, 5)), close, 1))";

    private static readonly CandleSeries Bars = MarketData.Btc30m;

    private static InMemorySeriesSource Source()
    {
        var eth = new CandleSeriesBuilder();
        for (var i = 0; i < Bars.Count; i++)
        {
            if (i % 7 != 2)
            {
                eth.Add(Bars.Time[i], Bars.Open[i] * 0.05, Bars.High[i] * 0.05, Bars.Low[i] * 0.05, Bars.Close[i] * 0.05 * (1 + (Math.Sin(i) * 0.01)), Bars.Volume[i]);
            }
        }

        return new InMemorySeriesSource()
            .Add(MarketData.BtcUsdt, Timeframe.M30, Bars)
            .Add(MarketData.EthUsdt, Timeframe.M30, eth.Build());
    }

    public static TheoryData<int> CutPoints()
    {
        var random = new Random(20240601);
        var data = new TheoryData<int>();
        for (var k = 0; k < 12; k++)
        {
            data.Add(random.Next(200, Bars.Count));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CutPoints))]
    public async Task Signals_AfterAppendingFutureBars_AreUnchangedInThePast(int cut)
    {
        var script = Dsl.Compile(Script);
        var source = Source();
        var full = await script.PrepareAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.M30, Bars) { Source = source });
        var past = await script.PrepareAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.M30, Bars.Slice(0, cut)) { Source = source });

        var fullSignals = full.EvaluateAll().Where(s => s.Bar < cut).ToList();
        var pastSignals = past.EvaluateAll();
        Assert.Equal(fullSignals, pastSignals);
        Assert.Equal(full.FirstTradableBar, past.FirstTradableBar);
        Assert.NotEmpty(full.EvaluateAll());
    }

    [Theory]
    [MemberData(nameof(CutPoints))]
    public async Task Values_AfterAppendingFutureBars_AreBitwiseUnchangedInThePast(int cut)
    {
        var expression = Dsl.CompileExpression(Expression);
        var source = Source();
        var full = await expression.EvaluateAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.M30, Bars) { Source = source });
        var past = await expression.EvaluateAsync(new SignalContext(MarketData.BtcUsdt, Timeframe.M30, Bars.Slice(0, cut)) { Source = source });
        Dsl.SameSeries(full.Columns[0][..cut], past.Columns[0]);
        Assert.Contains(past.Columns[0], v => !double.IsNaN(v));
    }
}
