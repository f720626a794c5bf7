using Tradewind.Core;
using Tradewind.Signals.Intents;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

/// <summary>Statements that read position and account state run bar by bar against the engine's portfolio view.</summary>
public sealed class PortfolioTests
{
    private static readonly Ticker Btc = MarketData.BtcUsdt;

    [Fact]
    public async Task PositionState_GatesEntriesBarByBar()
    {
        var program = await Dsl.PrepareAsync(
            "emit_signal(close > 0 and position_size == 0, entry(\"LONG\", Weight(1)))\nemit_signal(bars_since_entry >= 3, exit())",
            MarketData.BtcDaily.Slice(0, 10));
        Assert.True(program.ReadsPortfolio);
        var portfolio = new FakePortfolio();
        var sink = new List<EmittedSignal>();

        program.EvaluateBar(0, portfolio, sink);
        Assert.Equal(IntentKind.Entry, Assert.Single(sink).Intent.Kind);

        sink.Clear();
        portfolio.Positions[Btc] = new PositionState(2, PositionSide.Long, 4000, 1, 1.5);
        program.EvaluateBar(1, portfolio, sink);
        Assert.Empty(sink);

        portfolio.Positions[Btc] = new PositionState(2, PositionSide.Long, 4000, 3, 1.5);
        program.EvaluateBar(2, portfolio, sink);
        Assert.Equal(IntentKind.Exit, Assert.Single(sink).Intent.Kind);
    }

    [Fact]
    public async Task PositionNames_ReadTheView()
    {
        var program = await Dsl.PrepareAsync(
            """
            emit_signal(position_size == -2 and position_side == -1 and entry_price == 4000, exit(fraction=0.5))
            emit_signal(unrealized_pnl_pct > 1 and equity > cash, exit(fraction=0.25))
            emit_signal(isna(entry_price) and isna(bars_since_entry) and position_side == 0, exit(fraction=0.75))
            """,
            MarketData.BtcDaily.Slice(0, 5));
        var portfolio = new FakePortfolio { Equity = 12_000, Cash = 5_000 };
        portfolio.Positions[Btc] = new PositionState(2, PositionSide.Short, 4000, 2, 1.5);
        var sink = new List<EmittedSignal>();
        program.EvaluateBar(0, portfolio, sink);
        Assert.Equal([0.5, 0.25], sink.Select(s => s.Intent.ExitFraction));

        sink.Clear();
        portfolio.Positions.Clear();
        program.EvaluateBar(1, portfolio, sink);
        Assert.Equal([0.75], sink.Select(s => s.Intent.ExitFraction));
    }

    [Fact]
    public async Task IntentValues_FromSeriesAndAccount_AreReadAtTheFiringBar()
    {
        var candles = MarketData.BtcDaily.Slice(0, 30);
        var program = await Dsl.PrepareAsync(
            "emit_signal(close > 0, entry(\"SHORT\", Notional(equity * 0.1), stop_loss=atr(14) / close * 100, take_profit=5))",
            candles);
        var atr = Dsl.Indicator("atr", [14], candles.High, candles.Low, candles.Close)[0];
        var portfolio = new FakePortfolio { Equity = 20_000 };
        var sink = new List<EmittedSignal>();
        for (var bar = 0; bar < candles.Count; bar++)
        {
            program.EvaluateBar(bar, portfolio, sink);
        }

        Assert.Equal(14, program.FirstTradableBar);
        Assert.Equal(Enumerable.Range(14, 16), sink.Select(s => s.Bar));
        foreach (var s in sink)
        {
            Assert.Equal(OrderSize.Notional(2000), s.Intent.Size);
            Assert.Equal(PositionSide.Short, s.Intent.Side);
            Assert.Equal(atr[s.Bar] / candles.Close[s.Bar] * 100, s.Intent.StopLossPct);
            Assert.Equal(5, s.Intent.TakeProfitPct);
            Assert.Null(s.Intent.Ticker);
        }
    }

    [Fact]
    public async Task DynamicWeight_OutOfRange_IsAValidationErrorNamingTheBar()
    {
        var program = await Dsl.PrepareAsync("emit_signal(close > 0, entry(\"LONG\", Weight(close / 1000)))", MarketData.BtcDaily.Slice(0, 3));
        var error = Assert.Throws<TradewindException>(() => program.EvaluateAll());
        Assert.Equal(ErrorCode.ValidationError, error.Code);
        Assert.StartsWith("Weight = 4.28508 on line 1 at bar 0 (2017-08-16T00:00:00Z) must be above 0 and at most 1.", error.Message);
    }

    [Fact]
    public async Task TickerWithoutExchange_IsResolvedOnTheScriptExchange()
    {
        var program = await Dsl.PrepareAsync("emit_signal(close > 0, exit(\"ETH/USDT\"))", MarketData.BtcDaily.Slice(0, 3));
        Assert.All(program.EvaluateAll(), s => Assert.Equal(MarketData.EthUsdt, s.Intent.Ticker));
    }
}
