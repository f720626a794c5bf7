using Tradewind.Core;
using Tradewind.Signals.Runtime;
using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

public sealed class AlignmentTests
{
    /// <summary>Oracle: for each base bar, the index of the last other bar that closed by the base bar's close.</summary>
    private static int[] VisibleIndex(CandleSeries baseBars, Timeframe baseTf, CandleSeries other, Timeframe otherTf)
    {
        var map = new int[baseBars.Count];
        for (var i = 0; i < baseBars.Count; i++)
        {
            var close = baseTf.Next(baseBars.Time[i]);
            map[i] = -1;
            for (var j = 0; j < other.Count; j++)
            {
                if (otherTf.Next(other.Time[j]) <= close)
                {
                    map[i] = j;
                }
            }
        }

        return map;
    }

    private static double[] Aligned(double[] values, int[] map) => map.Select(j => j < 0 ? double.NaN : values[j]).ToArray();

    [Fact]
    public async Task Tf_HigherTimeframeClose_BecomesVisibleOnlyWhenItsBarCloses()
    {
        var candles = MarketData.Sol1h;
        var actual = await Dsl.SeriesAsync("tf(\"4h\", close)", candles, Timeframe.H1, ticker: MarketData.SolUsdt);

        var fourHour = candles.Resample(Timeframe.H1, Timeframe.H4);
        Dsl.SameSeries(Aligned(fourHour.Close, VisibleIndex(candles, Timeframe.H1, fourHour, Timeframe.H4)), actual);

        // Concretely: the 4h close shows up on the 1h bar that ends the 4h bar (its close is the 4h close), and the
        // three 1h bars inside the next 4h bar still see the previous one.
        for (var i = 1; i < candles.Count; i++)
        {
            var endsFourHourBar = Timeframe.H1.Next(candles.Time[i]) % Timeframe.H4.NominalMilliseconds == 0;
            if (endsFourHourBar)
            {
                Assert.Equal(candles.Close[i], actual[i]);
            }
            else if (!double.IsNaN(actual[i - 1]))
            {
                Assert.Equal(actual[i - 1], actual[i]);
            }
        }
    }

    [Fact]
    public async Task Tf_IndicatorOnHigherTimeframe_IsComputedOnThoseBars()
    {
        var candles = MarketData.Sol1h;
        var actual = await Dsl.SeriesAsync("tf(\"4h\", sma(close, 3))", candles, Timeframe.H1, ticker: MarketData.SolUsdt);

        var fourHour = candles.Resample(Timeframe.H1, Timeframe.H4);
        var sma = Dsl.Indicator("sma", [3], fourHour.Close)[0];
        Dsl.SameSeries(Aligned(sma, VisibleIndex(candles, Timeframe.H1, fourHour, Timeframe.H4)), actual);
    }

    [Fact]
    public async Task Tf_WithASource_WarmsUpOnHistoryBeforeTheFirstBar()
    {
        var full = MarketData.Sol1h;
        var recent = full.Slice(400, 600);
        var source = new InMemorySeriesSource().Add(MarketData.SolUsdt, Timeframe.H1, full);
        var actual = await Dsl.SeriesAsync("tf(\"4h\", sma(close, 20))", recent, Timeframe.H1, source, MarketData.SolUsdt);

        var fourHour = full.Resample(Timeframe.H1, Timeframe.H4);
        var sma = Dsl.Indicator("sma", [20], fourHour.Close)[0];

        // The running sum starts at a different bar than in the oracle, so the last bits may differ.
        Dsl.SameSeries(Aligned(sma, VisibleIndex(recent, Timeframe.H1, fourHour, Timeframe.H4)), actual, 1e-12);
        Assert.False(double.IsNaN(actual[0]));
    }

    [Fact]
    public async Task Tf_VariableDefinedOutside_IsEvaluatedOnTheHigherTimeframe()
    {
        var candles = MarketData.Sol1h;
        var viaVariable = await Dsl.SeriesAsync("m = sma(close, 3)\ntf(\"4h\", m)", candles, Timeframe.H1, ticker: MarketData.SolUsdt);
        var inline = await Dsl.SeriesAsync("tf(\"4h\", sma(close, 3))", candles, Timeframe.H1, ticker: MarketData.SolUsdt);
        Dsl.SameSeries(inline, viaVariable);
    }

    [Fact]
    public async Task Tf_LowerThanTheScriptTimeframe_IsAValidationError()
    {
        var error = await Assert.ThrowsAsync<TradewindException>(() => Dsl.SeriesAsync("tf(\"1h\", close)", MarketData.BtcDaily));
        Assert.Equal(ErrorCode.ValidationError, error.Code);
        Assert.Equal("tf(\"1h\", ...) asks for 1h bars, but the script runs on 1d bars.", error.Message);
    }

    [Fact]
    public async Task Ref_OtherTickerWithGaps_IsAlignedByTimeAndCarriedForward()
    {
        var sol = MarketData.Sol1h;
        var other = new CandleSeriesBuilder();
        for (var i = 0; i < sol.Count; i++)
        {
            if (i % 5 != 3)
            {
                other.Add(sol.Time[i], sol.Open[i] * 2, sol.High[i] * 2, sol.Low[i] * 2, sol.Close[i] * 2, sol.Volume[i]);
            }
        }

        var eth = other.Build();
        var source = new InMemorySeriesSource().Add(MarketData.EthUsdt, Timeframe.H1, eth);
        var actual = await Dsl.SeriesAsync("ref(\"BINANCE:ETH/USDT\", close)", sol, Timeframe.H1, source, MarketData.SolUsdt);
        Dsl.SameSeries(Aligned(eth.Close, VisibleIndex(sol, Timeframe.H1, eth, Timeframe.H1)), actual);

        // A missing bar carries the previous value; it never borrows the next one.
        Assert.Equal(sol.Close[2] * 2, actual[3]);
    }

    [Fact]
    public async Task Ref_WithoutTheExchange_UsesTheScriptExchange()
    {
        var sol = MarketData.Sol1h;
        var source = new InMemorySeriesSource().Add(MarketData.EthUsdt, Timeframe.H1, sol);
        var actual = await Dsl.SeriesAsync("ref(\"ETH/USDT\", rsi(close, 14)) - rsi(close, 14)", sol, Timeframe.H1, source, MarketData.SolUsdt);
        Assert.All(actual.Skip(14), v => Assert.Equal(0, v));
    }

    [Fact]
    public async Task RefAndTf_NestedEitherWay_GiveTheSameSeries()
    {
        var sol = MarketData.Sol1h;
        var eth = new CandleSeries(sol.Time, sol.Open, sol.High, sol.Low, sol.Close.Select(c => c * 3).ToArray(), sol.Volume);
        var source = new InMemorySeriesSource().Add(MarketData.SolUsdt, Timeframe.H1, sol).Add(MarketData.EthUsdt, Timeframe.H1, eth);
        var refOfTf = await Dsl.SeriesAsync("ref(\"ETH/USDT\", tf(\"4h\", sma(close, 3)))", sol, Timeframe.H1, source, MarketData.SolUsdt);
        var tfOfRef = await Dsl.SeriesAsync("tf(\"4h\", ref(\"ETH/USDT\", sma(close, 3)))", sol, Timeframe.H1, source, MarketData.SolUsdt);
        var direct = await Dsl.SeriesAsync("tf(\"4h\", sma(close, 3)) * 3", sol, Timeframe.H1, source, MarketData.SolUsdt);
        Dsl.SameSeries(refOfTf, tfOfRef);
        Dsl.SameSeries(direct, refOfTf, 1e-12);
    }

    [Fact]
    public async Task ContextNames_InsideRefAndTf_DescribeThatContext()
    {
        var sol = MarketData.Sol1h;
        var source = new InMemorySeriesSource().Add(MarketData.EthUsdt, Timeframe.H1, sol);
        var values = await Dsl.SeriesAsync(
            "ref(\"ETH/USDT\", ticker == \"BINANCE:ETH/USDT\") and tf(\"4h\", timeframe == \"4h\") and ticker == \"BINANCE:SOL/USDT\"",
            sol,
            Timeframe.H1,
            source,
            MarketData.SolUsdt);
        Assert.All(values.Skip(4), v => Assert.Equal(1, v));
    }

    [Fact]
    public async Task Prepare_SameInputsTwice_GivesIdenticalSignals()
    {
        const string script = "emit_signal(crossover(ema(close, 9), sma(close, 21)) and tf(\"4h\", rsi(close, 14)) > 45, entry(\"LONG\", Weight(0.5), stop_loss=atr(14) / close * 100))";
        var first = await Dsl.PrepareAsync(script, MarketData.Sol1h, MarketData.SolUsdt, Timeframe.H1);
        var second = await Dsl.PrepareAsync(script, MarketData.Sol1h, MarketData.SolUsdt, Timeframe.H1);
        var a = first.EvaluateAll();
        Assert.NotEmpty(a);
        Assert.Equal(a, second.EvaluateAll());
    }

    [Fact]
    public async Task Ref_WithoutASource_IsDataUnavailable()
    {
        var error = await Assert.ThrowsAsync<TradewindException>(() => Dsl.SeriesAsync("ref(\"BINANCE:ETH/USDT\", close)", MarketData.Sol1h, Timeframe.H1));
        Assert.Equal(ErrorCode.DataUnavailable, error.Code);
    }

    [Fact]
    public async Task FundingRate_IsTheLatestRateSettledBeforeEachBarClose()
    {
        var candles = MarketData.Xrp1h;
        var funding = MarketData.XrpFunding;
        var result = await Dsl.CompileExpression("funding_rate").EvaluateAsync(
            new SignalContext(MarketData.XrpPerp, Timeframe.H1, candles) { Funding = funding });
        var actual = result.Columns[0];
        for (var i = 0; i < candles.Count; i++)
        {
            var close = Timeframe.H1.Next(candles.Time[i]);
            // An event stamped exactly at the close settles in the next bar (after its opening fills), so it shows there.
            var settled = funding.Where(f => f.Time < close).ToList();
            var expected = settled.Count == 0 ? double.NaN : settled[^1].Rate;
            Assert.Equal(expected, actual[i]);
        }

        Assert.Contains(actual, v => !double.IsNaN(v));
    }

    [Fact]
    public async Task FundingRate_WithoutFundingData_IsNa()
    {
        var values = await Dsl.SeriesAsync("funding_rate", MarketData.BtcDaily.Slice(0, 10));
        Assert.All(values, v => Assert.True(double.IsNaN(v)));
    }
}
