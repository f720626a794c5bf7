using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class IchimokuTests
{
    [Fact]
    public void Compute_Defaults_SpansAreTheValuesComputedDisplacementBarsEarlier()
    {
        var data = Dataset.Load("ft-30m");
        var ichimoku = IndicatorRegistry.Default.Get("ichimoku");
        var outputs = IndicatorRunner.Batch(ichimoku, data, [9, 26, 52, 26]);
        var (tenkan, kijun, senkouA, senkouB, chikou) = (outputs[0], outputs[1], outputs[2], outputs[3], outputs[4]);
        Assert.Equal(77, ichimoku.LookbackFor([9, 26, 52, 26]));
        Assert.True(double.IsNaN(senkouB[76]));
        for (var i = 77 + 26; i < data.Length; i++)
        {
            Assert.Equal((tenkan[i - 26] + kijun[i - 26]) / 2, senkouA[i]);
            Assert.Equal(Midpoint(data, i - 26, 52), senkouB[i]);
        }

        for (var i = 77; i < data.Length; i++)
        {
            Assert.Equal(Midpoint(data, i, 9), tenkan[i]);
            Assert.Equal(Midpoint(data, i, 26), kijun[i]);
            Assert.Equal(data.Close[i], chikou[i]);
        }
    }

    [Fact]
    public void Compute_ZeroDisplacement_SpansAreCurrent()
    {
        var data = Dataset.Load("btc-1d");
        var ichimoku = IndicatorRegistry.Default.Get("ichimoku");
        var outputs = IndicatorRunner.Batch(ichimoku, data, [9, 26, 52, 0]);
        Assert.Equal(51, ichimoku.LookbackFor([9, 26, 52, 0]));
        for (var i = 51; i < data.Length; i++)
        {
            Assert.Equal((outputs[0][i] + outputs[1][i]) / 2, outputs[2][i]);
            Assert.Equal(Midpoint(data, i, 52), outputs[3][i]);
        }
    }

    private static double Midpoint(Dataset data, int end, int period)
    {
        var high = double.MinValue;
        var low = double.MaxValue;
        for (var i = end - period + 1; i <= end; i++)
        {
            high = Math.Max(high, data.High[i]);
            low = Math.Min(low, data.Low[i]);
        }

        return (high + low) / 2;
    }
}
