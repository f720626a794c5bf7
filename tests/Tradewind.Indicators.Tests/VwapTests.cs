using System.Globalization;
using Tradewind.Core;
using Tradewind.Indicators.Crypto;
using Tradewind.Indicators.Tests.Infrastructure;

namespace Tradewind.Indicators.Tests;

public sealed class VwapTests
{
    private const long DayMs = 86_400_000;

    [Fact]
    public void Compute_ThirtyMinuteBars_RestartsAtEachUtcMidnight()
    {
        var data = Dataset.Load("ft-30m");
        var vwap = Batch(data, SessionAnchor.Day);
        var restarts = 0;
        for (var i = 1; i < data.Length; i++)
        {
            var typical = (data.High[i] + data.Low[i] + data.Close[i]) / 3;
            if (data.Time[i] % DayMs == 0)
            {
                // The first bar of a UTC day averages only itself.
                Assert.Equal(typical, vwap[i], 1e-9 * typical);
                restarts++;
            }
            else
            {
                // Later bars carry the day so far: the running average equals a fresh sum from the day's start.
                var start = i;
                while (start > 0 && data.Time[start] % DayMs != 0)
                {
                    start--;
                }

                Assert.Equal(Expected(data, start, i), vwap[i], 1e-9 * vwap[i]);
            }
        }

        Assert.Equal(40, restarts);
    }

    [Fact]
    public void Compute_WeekAnchor_RestartsOnMondayMidnightOnly()
    {
        var data = Dataset.Load("ft-30m");
        var vwap = Batch(data, SessionAnchor.Week);
        for (var i = 1; i < data.Length; i++)
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(data.Time[i]);
            var typical = (data.High[i] + data.Low[i] + data.Close[i]) / 3;
            if (time.DayOfWeek == DayOfWeek.Monday && time.TimeOfDay == TimeSpan.Zero)
            {
                Assert.Equal(typical, vwap[i], 1e-9 * typical);
            }
            else
            {
                Assert.NotEqual(typical, vwap[i], 1e-6 * typical);
            }
        }
    }

    [Fact]
    public void Compute_MonthAnchor_RestartsOnTheFirst()
    {
        var data = Dataset.Load("ft-30m");
        var vwap = Batch(data, SessionAnchor.Month);
        var newYear = Array.IndexOf(data.Time, DateTimeOffset.Parse("2018-01-01T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        Assert.True(newYear > 0);
        Assert.Equal(Expected(data, newYear, newYear + 100), vwap[newYear + 100], 1e-9 * vwap[newYear + 100]);
        Assert.Equal(Expected(data, 0, newYear - 1), vwap[newYear - 1], 1e-9 * vwap[newYear - 1]);
    }

    [Fact]
    public void Update_SessionStartsWithoutVolume_IsNaNUntilVolumeTrades()
    {
        var state = new VwapState(SessionAnchor.Day);
        Assert.Equal(15, state.Update(0, 20, 10, 15, 100));
        Assert.True(double.IsNaN(state.Update(DayMs, 20, 10, 15, 0)));
        Assert.True(double.IsNaN(state.Update(DayMs + 1800_000, 21, 10, 14, 0)));
        Assert.Equal(30, state.Update(DayMs + 3600_000, 31, 29, 30, 5));
    }

    [Fact]
    public void Compute_WithoutBarTimes_ThrowsTeachingError()
    {
        var vwap = IndicatorRegistry.Default.Get("vwap");
        double[] price = [1, 2, 3];
        var output = new double[3];
        var ex = Assert.Throws<TradewindException>(() =>
            vwap.Compute(new IndicatorInputs(price, price, price, price), [0], new IndicatorOutputs(output)));
        Assert.Equal(ErrorCode.ValidationError, ex.Code);
        Assert.Contains("vwap", ex.Message, StringComparison.Ordinal);
        Assert.Contains("time", ex.Suggestion, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(SessionAnchor.Day, "2024-01-03T12:34:56Z", "2024-01-03T00:00:00Z", "2024-01-04T00:00:00Z")]
    [InlineData(SessionAnchor.Week, "2024-01-03T12:34:56Z", "2024-01-01T00:00:00Z", "2024-01-08T00:00:00Z")]
    [InlineData(SessionAnchor.Week, "2024-01-07T23:59:59Z", "2024-01-01T00:00:00Z", "2024-01-08T00:00:00Z")]
    [InlineData(SessionAnchor.Week, "2024-01-08T00:00:00Z", "2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z")]
    [InlineData(SessionAnchor.Month, "2024-02-29T23:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z")]
    [InlineData(SessionAnchor.Month, "2023-12-31T23:30:00Z", "2023-12-01T00:00:00Z", "2024-01-01T00:00:00Z")]
    [InlineData(SessionAnchor.Day, "1969-12-31T23:00:00Z", "1969-12-31T00:00:00Z", "1970-01-01T00:00:00Z")]
    [InlineData(SessionAnchor.Week, "1970-01-01T00:00:00Z", "1969-12-29T00:00:00Z", "1970-01-05T00:00:00Z")]
    public void Bounds_Anchor_IsTheUtcCalendarSession(SessionAnchor anchor, string time, string start, string end)
    {
        static long Ms(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        Assert.Equal((Ms(start), Ms(end)), SessionClock.Bounds(anchor, Ms(time)));
    }

    private static double[] Batch(Dataset data, SessionAnchor anchor)
    {
        var output = new double[data.Length];
        Vwap.Compute(data.Time, data.High, data.Low, data.Close, data.Volume, anchor, output);
        return output;
    }

    private static double Expected(Dataset data, int start, int end)
    {
        var priceVolume = 0.0;
        var volume = 0.0;
        for (var i = start; i <= end; i++)
        {
            priceVolume += (data.High[i] + data.Low[i] + data.Close[i]) / 3 * data.Volume[i];
            volume += data.Volume[i];
        }

        return priceVolume / volume;
    }
}
