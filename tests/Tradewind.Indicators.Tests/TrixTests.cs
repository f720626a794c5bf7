using Tradewind.Indicators.Momentum;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class TrixTests
{
    [Fact]
    public void Compute_PeriodOne_IsOneBarRateOfChange()
    {
        // An EMA of period 1 is the series itself (as TA-Lib's MA defines it), so TRIX(1) = ROC(1). TA-Lib's own
        // TRIX misreads its buffers at period 1, so this is Tradewind's definition rather than a TA-Lib match.
        var close = Dataset.Load("spy-1d").Close;
        var trix = new double[close.Length];
        var roc = new double[close.Length];
        Trix.Compute(close, 1, trix);
        Roc.Compute(close, 1, roc);
        Assert.Equal(1, Trix.Lookback(1));
        Assert.Equal(roc, trix);
    }

    [Fact]
    public void Lookback_Default_Is88()
    {
        Assert.Equal(88, IndicatorRegistry.Default.Get("trix").LookbackFor([30]));
    }

    [Theory]
    [InlineData("ft-30m", new double[] { 1 })]
    [InlineData("btc-1d", new double[] { 9 })]
    [InlineData("spy-1d", new double[] { 2 })]
    public void Stream_NonDefaultParameters_EqualsBatchExactly(string dataset, double[] parameters) =>
        StreamParity.AssertBitIdentical("trix", parameters, dataset);
}
