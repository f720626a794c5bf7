using Tradewind.Research.Reports;

namespace Tradewind.Research.Tests;

public sealed class DownsampleTests
{
    [Theory]
    [InlineData(10, 20, -1)]
    [InlineData(1000, 500, -1)]
    [InlineData(1000, 500, 333)]
    [InlineData(1000, 500, 2)]
    [InlineData(8760, 2, 4000)]
    [InlineData(8760, 3, 4000)]
    [InlineData(501, 500, 250)]
    public void Downsample_KeepsFirstLastAndTheKeptRow_WithExactlyMaxPointsDistinctAscendingRows(int count, int maxPoints, int keep)
    {
        var rows = BacktestReports.Downsample(count, maxPoints, keep);

        Assert.Equal(Math.Min(count, maxPoints), rows.Count);
        Assert.Equal(0, rows[0]);
        Assert.Equal(count - 1, rows[^1]);
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First < p.Second));
        if (keep >= 0 && maxPoints > 2)
        {
            Assert.Contains(keep, rows);
        }
    }
}
