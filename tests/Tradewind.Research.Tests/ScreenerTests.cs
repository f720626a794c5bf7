using Tradewind.Core;
using Tradewind.Signals;

namespace Tradewind.Research.Tests;

public sealed class ScreenerTests : IClassFixture<SimResearchFixture>
{
    private static readonly Timeframe Hour = Timeframe.Parse("1h");
    private readonly SimResearchFixture _sim;

    public ScreenerTests(SimResearchFixture sim) => _sim = sim;

    [Fact]
    public async Task EvaluateAsync_LatestRsi_EndsAtTheLastClosedBarBeforeNow()
    {
        var expression = SignalCompiler.CompileExpression("rsi(close, 14)[-1]").GetValueOrThrow();

        var result = await new Screener(_sim.Data).EvaluateAsync(expression, Ticker.Parse("SIM:BTC/USDT"), Hour, null, null, CancellationToken.None);

        Assert.Equal(Screener.DefaultBars, result.Count);
        Assert.Equal(_sim.Time.GetUtcNow().ToUnixTimeMilliseconds() - 3_600_000, result.Time[^1]);
        Assert.InRange(result.Latest(), 0, 100);
    }

    [Fact]
    public async Task EvaluateAsync_Ema200On150Bars_TaOutOfRangeWithBarsNeeded()
    {
        var expression = SignalCompiler.CompileExpression("ema(close, 200)[-1]").GetValueOrThrow();

        var error = await Assert.ThrowsAsync<TradewindException>(
            () => new Screener(_sim.Data).EvaluateAsync(expression, Ticker.Parse("SIM:BTC/USDT"), Hour, 150, null, CancellationToken.None));

        Assert.Equal(ErrorCode.TaOutOfRange, error.Code);
        Assert.Equal(200, Convert.ToInt32(error.Details!["bars_needed"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task EvaluateAsync_LongLookback_LoadsEnoughBarsToWarmUp()
    {
        var expression = SignalCompiler.CompileExpression("sma(close, 800)[-1]").GetValueOrThrow();

        var result = await new Screener(_sim.Data).EvaluateAsync(expression, Ticker.Parse("SIM:ETH/USDT"), Hour, null, null, CancellationToken.None);

        Assert.False(double.IsNaN(result.Latest()));
    }

    [Fact]
    public async Task ScanAsync_UnknownTickerInTheUniverse_ReportedInItsRowWithoutFailingTheScan()
    {
        var expression = SignalCompiler.CompileExpression("rsi(close, 14)[-1] < 101").GetValueOrThrow();
        var universe = Universe.Parse(["SIM:BTC/USDT", "SIM:NOPE/USDT", "SIM:ETH/USDT"], null, "universe", 500);

        var rows = await new Screener(_sim.Data).ScanAsync(expression, universe, Hour, null, CancellationToken.None);

        Assert.Equal(3, rows.Count);
        Assert.True(rows[0].Matched);
        Assert.Equal(ErrorCode.UnknownSymbol, rows[1].Error?.Code);
        Assert.True(rows[2].Matched);
        Assert.True(rows[2].LastClose > 0);
    }

    [Fact]
    public async Task RankAsync_OrdersByTheExpressionAndKeepsTheLimit()
    {
        var expression = SignalCompiler.CompileExpression("roc(close, 24)").GetValueOrThrow();
        var universe = Universe.Parse(["SIM:BTC/USDT", "SIM:ETH/USDT", "SIM:SOL/USDT", "SIM:DOGE/USDT", "SIM:XRP/USDT"], null, "universe", 500);

        var (ranked, unranked) = await new Screener(_sim.Data).RankAsync(expression, universe, Hour, descending: true, limit: 3, null, CancellationToken.None);

        Assert.Equal(3, ranked.Count);
        Assert.Empty(unranked);
        Assert.True(ranked[0].Value >= ranked[1].Value && ranked[1].Value >= ranked[2].Value);
    }

    [Fact]
    public void UniverseParse_BadEntries_AllReportedWithTheirPositions()
    {
        var error = Assert.Throws<TradewindException>(() => Universe.Parse(["SIM:BTC/USDT", "NOPE:X/Y", "BTCUSDT"], null, "universe", 10));

        Assert.Equal(ErrorCode.ValidationError, error.Code);
        Assert.Contains("universe[1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("universe[2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UniverseParse_FullTickersStandOnTheirOwnExchange_PlainOnesTakeTheDefault()
    {
        var tickers = Universe.Parse(["BINANCE:BTC/USDT", "ETH/USDT", "sim:eth/usdt", "SOL/USDT:USDT"], ExchangeId.Sim, "universe", 10);

        Assert.Equal(["BINANCE:BTC/USDT", "SIM:ETH/USDT", "SIM:SOL/USDT:USDT"], tickers.Select(t => t.ToString()).ToArray());
    }

    [Fact]
    public void UniverseParse_PlainSymbolWithoutDefault_InvalidTickerNamingThePosition()
    {
        var error = Assert.Throws<TradewindException>(() => Universe.Parse(["SIM:BTC/USDT", "ETH/USDT"], null, "universe", 10));

        Assert.Contains("universe[1]", error.Message, StringComparison.Ordinal);
    }
}
