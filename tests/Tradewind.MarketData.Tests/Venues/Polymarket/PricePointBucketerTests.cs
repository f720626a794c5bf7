using Tradewind.Core;
using Tradewind.MarketData.Venues.Polymarket;

namespace Tradewind.MarketData.Tests.Venues.Polymarket;

public sealed class PricePointBucketerTests
{
    private const long Hour = 3_600_000;
    private const long Start = 1_714_521_600_000; // 2024-05-01T00:00:00Z

    [Fact]
    public void Build_PointsInTwoBuckets_FirstExtremesLast()
    {
        var bucketer = new PricePointBucketer(Timeframe.H1, Start, Start + (2 * Hour));
        bucketer.Add(Start + 60_000, 0.40);
        bucketer.Add(Start + 120_000, 0.55);
        bucketer.Add(Start + 180_000, 0.35);
        bucketer.Add(Start + 240_000, 0.42);
        bucketer.Add(Start + Hour, 0.60);

        var candles = bucketer.Build();

        Assert.Equal(new Candle(Start, 0.40, 0.55, 0.35, 0.42, 0), candles[0]);
        Assert.Equal(new Candle(Start + Hour, 0.60, 0.60, 0.60, 0.60, 0), candles[1]);
        Assert.Equal(2, candles.Count);
    }

    [Fact]
    public void Build_HourWithoutPoints_LeavesAGapInsteadOfInventingABar()
    {
        var bucketer = new PricePointBucketer(Timeframe.H1, Start, Start + (3 * Hour));
        bucketer.Add(Start, 0.5);
        bucketer.Add(Start + (2 * Hour) + 5, 0.7);

        Assert.Equal([Start, Start + (2 * Hour)], bucketer.Build().Time);
    }

    [Fact]
    public void Add_RepeatsOlderPointsAndPointsOutsideTheRange_AreIgnored()
    {
        var bucketer = new PricePointBucketer(Timeframe.H1, Start, Start + Hour);
        bucketer.Add(Start - 1, 0.9); // before the range
        bucketer.Add(Start + 10, 0.5);
        bucketer.Add(Start + 10, 0.1); // repeat (window overlap)
        bucketer.Add(Start + 5, 0.2); // older than the last point
        bucketer.Add(Start + Hour, 0.9); // at the range end

        var candle = Assert.Single(Enumerable.Range(0, 1).Select(_ => bucketer.Build()[0]));

        Assert.Equal(new Candle(Start, 0.5, 0.5, 0.5, 0.5, 0), candle);
    }

    [Fact]
    public void Build_NoPoints_IsEmpty()
    {
        Assert.Equal(0, new PricePointBucketer(Timeframe.D1, Start, Start + Hour).Build().Count);
    }

    [Fact]
    public void Build_CalendarMonths_BucketByMonthStart()
    {
        var june = DateTimeOffset.Parse("2024-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var bucketer = new PricePointBucketer(Timeframe.Month1, Start, june + (40L * 86_400_000));
        bucketer.Add(Start + 86_400_000, 0.3);
        bucketer.Add(june - 1, 0.4);
        bucketer.Add(june, 0.6);

        var candles = bucketer.Build();

        Assert.Equal([Start, june], candles.Time);
        Assert.Equal(0.4, candles.Close[0]);
    }
}
