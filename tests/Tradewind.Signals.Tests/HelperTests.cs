using Tradewind.Signals.Tests.Infrastructure;

namespace Tradewind.Signals.Tests;

/// <summary>Each series helper against a direct, obviously-correct loop on real data (with a warm-up na prefix too).</summary>
public sealed class HelperTests
{
    private static readonly double[] Close = MarketData.BtcDaily.Close;
    private static readonly double[] Open = MarketData.BtcDaily.Open;

    // rsi(close, 14): real values with a 14-bar na prefix, to exercise na handling.
    private static readonly double[] Rsi = Dsl.Indicator("rsi", [14], MarketData.BtcDaily.Close)[0];

    private static Task<double[]> Eval(string expression) => Dsl.SeriesAsync(expression, MarketData.BtcDaily);

    private static double[] Window(double[] x, int n, Func<double[], double> f) =>
        Enumerable.Range(0, x.Length).Select(i =>
        {
            if (i < n - 1)
            {
                return double.NaN;
            }

            var w = x[(i - n + 1)..(i + 1)];
            return w.Any(double.IsNaN) ? double.NaN : f(w);
        }).ToArray();

    private static double PopulationStdev(double[] w)
    {
        var m = w.Average();
        return Math.Sqrt(w.Select(v => (v - m) * (v - m)).Sum() / w.Length);
    }

    [Theory]
    [InlineData("close")]
    [InlineData("rsi(close, 14)")]
    public async Task Windows_MatchDirectLoops(string source)
    {
        var x = source == "close" ? Close : Rsi;
        Dsl.SameSeries(Window(x, 20, w => w.Max()), await Eval($"highest({source}, 20)"));
        Dsl.SameSeries(Window(x, 20, w => w.Min()), await Eval($"lowest({source}, 20)"));
        Dsl.SameSeries(Window(x, 1, w => w.Max()), await Eval($"highest({source}, 1)"));
        Dsl.SameSeries(Window(x, 20, w => w.Sum()), await Eval($"sum({source}, 20)"), 1e-9);
        Dsl.SameSeries(Window(x, 20, w => w.Average()), await Eval($"mean({source}, 20)"), 1e-9);
        Dsl.SameSeries(Window(x, 20, PopulationStdev), await Eval($"stdev({source}, 20)"), 1e-6);
    }

    [Fact]
    public async Task ChangeRisingFalling_MatchDirectLoops()
    {
        var change = await Eval("change(close, 3)");
        var change1 = await Eval("change(close)");
        var rising = await Eval("rising(close, 3)");
        var falling = await Eval("falling(close, 3)");
        for (var i = 0; i < Close.Length; i++)
        {
            Assert.Equal(i >= 3 ? Close[i] - Close[i - 3] : double.NaN, change[i]);
            Assert.Equal(i >= 1 ? Close[i] - Close[i - 1] : double.NaN, change1[i]);
            var above = i >= 3 && Close[i] > Close[i - 1] && Close[i] > Close[i - 2] && Close[i] > Close[i - 3];
            var below = i >= 3 && Close[i] < Close[i - 1] && Close[i] < Close[i - 2] && Close[i] < Close[i - 3];
            Assert.Equal(above ? 1 : 0, rising[i]);
            Assert.Equal(below ? 1 : 0, falling[i]);
        }
    }

    [Fact]
    public async Task Crosses_MatchDirectLoops()
    {
        var fast = Dsl.Indicator("sma", [10], Close)[0];
        var slow = Dsl.Indicator("sma", [30], Close)[0];
        var over = await Eval("crossover(sma(close, 10), sma(close, 30))");
        var under = await Eval("crossunder(sma(close, 10), sma(close, 30))");
        var any = await Eval("cross(sma(close, 10), sma(close, 30))");
        var overConstant = await Eval("crossover(rsi(close, 14), 30)");
        for (var i = 1; i < Close.Length; i++)
        {
            var up = fast[i] > slow[i] && fast[i - 1] <= slow[i - 1];
            var down = fast[i] < slow[i] && fast[i - 1] >= slow[i - 1];
            Assert.Equal(up ? 1 : 0, over[i]);
            Assert.Equal(down ? 1 : 0, under[i]);
            Assert.Equal(up || down ? 1 : 0, any[i]);
            Assert.Equal(Rsi[i] > 30 && Rsi[i - 1] <= 30 ? 1 : 0, overConstant[i]);
        }

        Assert.Contains(over, v => v == 1);
        Assert.Contains(under, v => v == 1);
    }

    [Fact]
    public async Task BarsSinceAndValueWhen_MatchDirectLoops()
    {
        var barsSince = await Eval("barssince(close > open * 1.05)");
        var last = await Eval("valuewhen(close > open * 1.05, close, 0)");
        var previous = await Eval("valuewhen(close > open * 1.05, close, 1)");
        var trueBars = new List<int>();
        for (var i = 0; i < Close.Length; i++)
        {
            if (Close[i] > Open[i] * 1.05)
            {
                trueBars.Add(i);
            }

            Assert.Equal(trueBars.Count == 0 ? double.NaN : i - trueBars[^1], barsSince[i]);
            Assert.Equal(trueBars.Count == 0 ? double.NaN : Close[trueBars[^1]], last[i]);
            Assert.Equal(trueBars.Count < 2 ? double.NaN : Close[trueBars[^2]], previous[i]);
        }

        Assert.True(trueBars.Count > 2);
    }

    [Fact]
    public async Task Elementwise_MatchMath()
    {
        var abs = await Eval("abs(close - open)");
        var log = await Eval("log(close)");
        var exp = await Eval("exp(close / 100000)");
        var sqrt = await Eval("sqrt(close)");
        var round = await Eval("round(close / 7, 2)");
        var min = await Eval("min(open, close, 5000)");
        var max = await Eval("max(open, close)");
        var clamp = await Eval("clamp(close, 3000, 9000)");
        var nz = await Eval("nz(rsi(close, 14))");
        var pow = await Eval("close ** 0.5");
        for (var i = 0; i < Close.Length; i++)
        {
            Assert.Equal(Math.Abs(Close[i] - Open[i]), abs[i]);
            Assert.Equal(Math.Log(Close[i]), log[i]);
            Assert.Equal(Math.Exp(Close[i] / 100000), exp[i]);
            Assert.Equal(Math.Sqrt(Close[i]), sqrt[i]);
            Assert.Equal(Math.Round(Close[i] / 7, 2, MidpointRounding.AwayFromZero), round[i]);
            Assert.Equal(Math.Min(Math.Min(Open[i], Close[i]), 5000), min[i]);
            Assert.Equal(Math.Max(Open[i], Close[i]), max[i]);
            Assert.Equal(Math.Clamp(Close[i], 3000, 9000), clamp[i]);
            Assert.Equal(double.IsNaN(Rsi[i]) ? 0 : Rsi[i], nz[i]);
            Assert.Equal(Math.Pow(Close[i], 0.5), pow[i]);
        }
    }

    [Fact]
    public async Task Elementwise_OutsideTheirDomain_AreNa()
    {
        Assert.All(await Eval("log(close - close)"), v => Assert.True(double.IsNaN(v)));
        Assert.All(await Eval("sqrt(-close)"), v => Assert.True(double.IsNaN(v)));
        Assert.All(await Eval("max(close, rsi(close, 14))").ContinueWith(t => t.Result[..14]), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public async Task Index_ReadsEarlierBars()
    {
        var previous = await Eval("close[-2]");
        var fifth = await Eval("close[-6]");
        Assert.True(double.IsNaN(previous[0]));
        for (var i = 5; i < Close.Length; i++)
        {
            Assert.Equal(Close[i - 1], previous[i]);
            Assert.Equal(Close[i - 5], fifth[i]);
        }

        Dsl.SameSeries(Close, await Eval("close[-1]"));
    }

    [Fact]
    public async Task TimeNames_ReadTheBarOpenTimeInUtc()
    {
        var candles = MarketData.Sol1h;
        var hour = await Dsl.SeriesAsync("hour", candles, Core.Timeframe.H1);
        var dayOfWeek = await Dsl.SeriesAsync("dayofweek", candles, Core.Timeframe.H1);
        var day = await Dsl.SeriesAsync("dayofmonth + month * 100 + year * 10000", candles, Core.Timeframe.H1);
        var minute = await Dsl.SeriesAsync("minute + bar_index * 0", candles, Core.Timeframe.H1);
        var index = await Dsl.SeriesAsync("bar_index", candles, Core.Timeframe.H1);
        for (var i = 0; i < candles.Count; i++)
        {
            var t = DateTimeOffset.FromUnixTimeMilliseconds(candles.Time[i]).UtcDateTime;
            Assert.Equal(t.Hour, hour[i]);
            Assert.Equal(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek, dayOfWeek[i]);
            Assert.Equal(t.Day + (t.Month * 100) + (t.Year * 10000), day[i]);
            Assert.Equal(t.Minute, minute[i]);
            Assert.Equal(i, index[i]);
        }
    }

    [Fact]
    public async Task PriceNames_CombineTheBar()
    {
        var c = MarketData.BtcDaily;
        var hl2 = await Eval("hl2");
        var hlc3 = await Eval("hlc3");
        var ohlc4 = await Eval("ohlc4");
        for (var i = 0; i < c.Count; i++)
        {
            Assert.Equal((c.High[i] + c.Low[i]) / 2, hl2[i]);
            Assert.Equal((c.High[i] + c.Low[i] + c.Close[i]) / 3, hlc3[i]);
            Assert.Equal((c.Open[i] + c.High[i] + c.Low[i] + c.Close[i]) / 4, ohlc4[i]);
        }
    }

    [Theory]
    [InlineData("ticker == \"BINANCE:BTC/USDT\"", 1)]
    [InlineData("ticker == \"btc/usdt\"", 1)]
    [InlineData("ticker != \"BINANCE:ETH/USDT\"", 1)]
    [InlineData("exchange == \"binance\"", 1)]
    [InlineData("timeframe == \"1d\"", 1)]
    [InlineData("timeframe == \"4h\"", 0)]
    public async Task ContextNames_CompareAsStrings(string condition, double expected) =>
        Assert.All(await Eval(condition), v => Assert.Equal(expected, v));

    [Fact]
    public async Task Indicators_MatchTheRegistryKernels()
    {
        var c = MarketData.BtcDaily;
        Dsl.SameSeries(Dsl.Indicator("rsi", [14], c.Close)[0], await Eval("rsi(close, 14)"));
        Dsl.SameSeries(Dsl.Indicator("rsi", [14], c.Close)[0], await Eval("rsi(14)"));
        Dsl.SameSeries(Dsl.Indicator("rsi", [14], c.Close)[0], await Eval("rsi()"));
        Dsl.SameSeries(Dsl.Indicator("ema", [9], c.High)[0], await Eval("ema(high, period=9)"));
        Dsl.SameSeries(Dsl.Indicator("atr", [14], c.High, c.Low, c.Close)[0], await Eval("atr(14)"));
        Dsl.SameSeries(Dsl.Indicator("atr", [5], c.Open, c.Low, c.Close)[0], await Eval("atr(5, high=open)"));
        var bands = Dsl.Indicator("bbands", [20, 2, 2, 0], c.Close);
        Dsl.SameSeries(bands[0], await Eval("bbands(close, 20, 2).upper"));
        Dsl.SameSeries(bands[2], await Eval("bb(close, 20, 2).lower"));
        var macd = Dsl.Indicator("macd", [12, 26, 9], c.Close);
        Dsl.SameSeries(macd[2], await Eval("macd(close, 12, 26, 9).hist"));
        var inner = Dsl.Indicator("rsi", [14], c.Close)[0];
        Dsl.SameSeries(Dsl.Indicator("sma", [5], inner)[0], await Eval("sma(rsi(close, 14), 5)"));
    }
}
