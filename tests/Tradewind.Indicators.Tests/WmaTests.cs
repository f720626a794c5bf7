using Tradewind.Indicators.Overlap;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

/// <summary>WMA is also HMA's building block, whose sqrt(period) stage is a period-1 WMA for periods 2 and 3.</summary>
public sealed class WmaTests
{
    [Fact]
    public void Compute_PeriodOne_CopiesInputAsTaLib()
    {
        var data = Dataset.Load("ft-30m");
        var batch = new double[data.Length];
        Wma.Compute(data.Close, 1, batch);
        var state = new WmaState(1);
        for (var i = 0; i < data.Length; i++)
        {
            Assert.Equal(data.Close[i], batch[i]);
            Assert.Equal(data.Close[i], state.Update(data.Close[i]));
        }

        Assert.True(state.IsReady);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Hma_ShortPeriods_StreamEqualsBatch(int period) =>
        StreamParity.AssertBitIdentical("hma", [period], "ft-30m");
}
