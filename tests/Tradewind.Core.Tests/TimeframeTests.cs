using Tradewind.Core;

namespace Tradewind.Core.Tests;

public sealed class TimeframeTests
{
    private static long Ms(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData("1m")]
    [InlineData("5m")]
    [InlineData("15m")]
    [InlineData("30m")]
    [InlineData("1h")]
    [InlineData("4h")]
    [InlineData("1d")]
    [InlineData("1w")]
    [InlineData("1M")]
    public void Parse_EveryName_RoundTrips(string name) => Assert.Equal(name, Timeframe.Parse(name).Name);

    [Fact]
    public void Parse_Unknown_ListsValidNames()
    {
        var ex = Assert.Throws<TradewindException>(() => Timeframe.Parse("2h"));
        Assert.Equal(ErrorCode.UnknownTimeframe, ex.Code);
        Assert.Contains("1m 5m 15m 30m 1h 4h 1d 1w 1M", ex.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Floor_Week_StartsOnMonday()
    {
        // 2024-01-03 is a Wednesday; its week opens Monday 2024-01-01.
        Assert.Equal(Ms("2024-01-01T00:00:00Z"), Timeframe.W1.Floor(Ms("2024-01-03T13:45:00Z")));
        Assert.Equal(Ms("2024-01-08T00:00:00Z"), Timeframe.W1.Next(Ms("2024-01-03T13:45:00Z")));
    }

    [Fact]
    public void Floor_Month_IsCalendarMonth()
    {
        Assert.Equal(Ms("2024-02-01T00:00:00Z"), Timeframe.Month1.Floor(Ms("2024-02-29T23:59:00Z")));
        Assert.Equal(Ms("2024-03-01T00:00:00Z"), Timeframe.Month1.Next(Ms("2024-02-10T00:00:00Z")));
    }

    [Fact]
    public void CountBars_LeapYearHours_Is8784() =>
        Assert.Equal(8784, Timeframe.H1.CountBars(Ms("2024-01-01T00:00:00Z"), Ms("2025-01-01T00:00:00Z")));

    [Fact]
    public void Resample_MinutesToHour_AggregatesOhlcv()
    {
        var b = new CandleSeriesBuilder();
        var t0 = Ms("2024-01-01T00:00:00Z");
        for (var i = 0; i < 120; i++)
        {
            b.Add(t0 + (i * 60_000L), 100 + i, 101 + i, 99 + i, 100.5 + i, 1);
        }

        b.Add(t0 + (120 * 60_000L), 500, 501, 499, 500, 1); // first minute of the third hour: partial
        var hours = b.Build().Resample(Timeframe.M1, Timeframe.H1);
        Assert.Equal(2, hours.Count);
        Assert.Equal(100, hours.Open[0]);
        Assert.Equal(160, hours.High[0]);
        Assert.Equal(99, hours.Low[0]);
        Assert.Equal(159.5, hours.Close[0]);
        Assert.Equal(60, hours.Volume[0]);
    }
}
