using Tradewind.Indicators.Patterns;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>
/// Candlestick patterns fire rarely, so a kernel that always answered 0 would pass most golden files. Every pattern
/// must fire on the real datasets or, for the rarest, on a constructed sequence whose expected signal was taken from
/// TA-Lib (talib@1.1.6, same candles, default candle settings).
/// </summary>
public sealed class CandlePatternTests
{
    private static readonly double[] Filler = [100, 102, 99, 101];

    /// <summary>Open, high, low, close per candle; twelve ordinary candles set the averages before the pattern.</summary>
    private static readonly Dictionary<string, (double[][] Candles, int Index, double Expected)> Constructed = new()
    {
        // White candle, then three falling black candles, each opening inside the previous body: TA-Lib -100 at 15.
        ["cdl_3blackcrows"] = (WithFiller([100, 105, 99.5, 104], [103.5, 104, 101, 101], [102.5, 103, 99, 99], [100.5, 101, 97, 97]), 15, -100),

        // Black marubozu, then a white one gapping up: TA-Lib +100 at 13 (and -100 at 14 for the black one gapping down).
        ["cdl_kicking"] = (WithFiller([105, 105, 100, 100], [106, 111, 106, 111], [100, 100, 95, 95]), 13, 100),

        // As kicking, with the white marubozu the longer one.
        ["cdl_kickingbylength"] = (WithFiller([105, 105, 100, 100], [106, 112, 106, 112]), 13, 100),

        // Long black, a doji whose range gaps below it, a white candle gapping back up into the first body.
        ["cdl_abandonedbaby"] = (WithFiller([106, 106.5, 100.5, 101], [99, 99.3, 98.7, 99.05], [100, 104, 99.8, 103.5]), 14, 100),

        // Long white, a short black gapping up, a black engulfing it but closing above the white close.
        ["cdl_upsidegap2crows"] = (WithFiller([100, 105.5, 99.5, 105], [107, 107.5, 106, 106.5], [107.5, 108, 105.5, 105.8]), 14, -100),

        // Long white, a black gapping up, a black opening in the second body and closing in the first.
        ["cdl_2crows"] = (WithFiller([100, 105.5, 99.5, 105], [107, 107.5, 106, 106.5], [106.8, 107, 102.5, 103]), 14, -100),

        // Two black marubozu, a black gapping down with an upper shadow into the prior body, a black engulfing it.
        ["cdl_concealbabyswall"] = (WithFiller([105, 105, 100, 100], [100, 100, 95, 95], [94, 96, 92, 93], [95, 97, 91, 91.5]), 15, 100),

        // Long white, a small black gapping up, two small candles holding in the upper half, a white breakout.
        ["cdl_mathold"] = (WithFiller([100, 105.2, 99.8, 105], [106.5, 107, 105.8, 106], [104.8, 105.5, 104, 104.2], [104.5, 104.9, 103.2, 103.6], [104, 108, 103.9, 107.5]), 16, 100),

        // Three falling black candles, a black with an upper shadow, a white closing above its high.
        ["cdl_ladderbottom"] = (WithFiller([105, 105.5, 102.5, 103], [104, 104.2, 101.5, 102], [103, 103.2, 100.5, 101], [101.5, 103, 99.5, 100], [102, 104.5, 101.8, 104]), 16, 100),

        // Black with a long lower shadow, a smaller black holding above its low, a small black marubozu inside it.
        ["cdl_3starsinsouth"] = (WithFiller([104, 104.2, 97, 101.5], [103, 103.3, 99, 101], [101.5, 101.5, 100.5, 100.5]), 14, 100),

        // Long black, a black gapping down, two lower candles, a white closing back inside the gap.
        ["cdl_breakaway"] = (WithFiller([106, 106.2, 100.8, 101], [100, 100.3, 98.8, 99], [98.8, 99.9, 97.8, 98.2], [98, 99.5, 96.5, 97], [97.5, 100.7, 97.3, 100.5]), 16, 100),
    };

    public static TheoryData<string> Patterns()
    {
        var data = new TheoryData<string>();
        foreach (var d in IndicatorRegistry.Default.All)
        {
            if (d.Group == IndicatorGroup.Pattern)
            {
                data.Add(d.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Compute_RealOrConstructedCandles_FiresAtLeastOnce(string indicator)
    {
        var definition = IndicatorRegistry.Default.Get(indicator);
        var parameters = definition.DefaultParameters();
        var fired = 0;
        foreach (var id in Dataset.Ids)
        {
            var output = IndicatorRunner.Batch(definition, Dataset.Load(id), parameters)[0];
            fired += output.Count(v => v != 0 && !double.IsNaN(v));
        }

        if (fired == 0)
        {
            Assert.True(Constructed.ContainsKey(indicator), $"{indicator} never fires on the datasets; add a constructed sequence for it.");
            var (candles, index, expected) = Constructed[indicator];
            var batch = Run(definition, parameters, candles, stream: false);
            var stream = Run(definition, parameters, candles, stream: true);
            Assert.Equal(expected, batch[index]);
            Assert.Equal(batch, stream);
            fired = batch.Count(v => v != 0 && !double.IsNaN(v));
        }

        Assert.True(fired > 0, $"{indicator} never fired");
    }

    [Fact]
    public void Compute_KickingBothWays_MatchesTaLib()
    {
        var (candles, _, _) = Constructed["cdl_kicking"];
        var output = Run(IndicatorRegistry.Default.Get("cdl_kicking"), [], candles, stream: false);
        Assert.Equal([0, 0, 100, -100], output[11..]);
    }

    [Fact]
    public void Compute_DojiAfterOrdinaryCandles_Fires()
    {
        var candles = WithFiller([101, 103, 99, 101.05]);
        var output = Run(IndicatorRegistry.Default.Get("cdl_doji"), [], candles, stream: false);
        Assert.Equal(100, output[12]);
        Assert.All(output[10..12], v => Assert.Equal(0, v));
    }

    [Fact]
    public void Compute_PenetrationGatesMorningStar()
    {
        // Long black, a small star gapping down, then a white candle closing 40% into the first body: TA-Lib gives
        // 100 with penetration 0.3 and 0 with 0.5.
        var candles = WithFiller([110, 110.5, 103.5, 104], [103, 103.4, 102.2, 102.8], [103.5, 106.8, 103.2, 106.4]);
        var definition = IndicatorRegistry.Default.Get("cdl_morningstar");
        Assert.Equal(100, Run(definition, [0.3], candles, stream: false)[14]);
        Assert.Equal(0, Run(definition, [0.5], candles, stream: false)[14]);
    }

    [Fact]
    public void Compute_InputNoLongerThanLookback_AllNaN()
    {
        foreach (var definition in IndicatorRegistry.Default.All)
        {
            if (definition.Group != IndicatorGroup.Pattern)
            {
                continue;
            }

            var parameters = definition.DefaultParameters();
            var lookback = definition.LookbackFor(parameters);
            var candles = Enumerable.Repeat(Filler, lookback).ToArray();
            Assert.All(Run(definition, parameters, candles, stream: false), v => Assert.True(double.IsNaN(v), definition.Name));
            Assert.All(Run(definition, parameters, candles, stream: true), v => Assert.True(double.IsNaN(v), definition.Name));
        }
    }

    [Fact]
    public void Lookback_DefaultCandleSettings_AreTaLibs()
    {
        Assert.Equal(10, CdlDoji.Lookback());
        Assert.Equal(11, CdlHammer.Lookback());
        Assert.Equal(2, CdlEngulfing.Lookback());
        Assert.Equal(12, CdlMorningStar.Lookback());
        Assert.Equal(12, Cdl3WhiteSoldiers.Lookback());
        Assert.Equal(13, Cdl3BlackCrows.Lookback());
        Assert.Equal(3, Cdl3Outside.Lookback());
        Assert.Equal(5, CdlHikkake.Lookback());
        Assert.Equal(10, CdlHikkakeMod.Lookback());
    }

    private static double[][] WithFiller(params double[][] pattern)
    {
        var candles = new double[12 + pattern.Length][];
        for (var i = 0; i < 12; i++)
        {
            candles[i] = Filler;
        }

        pattern.CopyTo(candles, 12);
        return candles;
    }

    private static double[] Run(IndicatorDefinition definition, double[] parameters, double[][] candles, bool stream)
    {
        var n = candles.Length;
        var open = candles.Select(c => c[0]).ToArray();
        var high = candles.Select(c => c[1]).ToArray();
        var low = candles.Select(c => c[2]).ToArray();
        var close = candles.Select(c => c[3]).ToArray();
        var output = new double[n];
        if (!stream)
        {
            definition.Compute(new IndicatorInputs(open, high, low, close), parameters, new IndicatorOutputs(output));
            return output;
        }

        var state = definition.CreateState(parameters);
        var bar = new double[4];
        var result = new double[1];
        for (var i = 0; i < n; i++)
        {
            bar[0] = open[i];
            bar[1] = high[i];
            bar[2] = low[i];
            bar[3] = close[i];
            state.Update(i, bar, result);
            output[i] = result[0];
        }

        return output;
    }
}
