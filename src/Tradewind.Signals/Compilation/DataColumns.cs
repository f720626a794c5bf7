using Tradewind.Signals.Binding;
using Tradewind.Signals.Runtime;

namespace Tradewind.Signals.Compilation;

/// <summary>Derived bar series: price combinations, calendar fields of the bar's open time (UTC), bar index, funding.</summary>
internal static class DataColumns
{
    private const long DayMs = 86_400_000;

    public static void Compute(DataField field, ResolvedContext context, Span<double> destination)
    {
        var c = context.Candles;
        var n = destination.Length;
        switch (field)
        {
            case DataField.Hl2:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = (c.High[i] + c.Low[i]) / 2;
                }

                break;
            case DataField.Hlc3:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = (c.High[i] + c.Low[i] + c.Close[i]) / 3;
                }

                break;
            case DataField.Ohlc4:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = (c.Open[i] + c.High[i] + c.Low[i] + c.Close[i]) / 4;
                }

                break;
            case DataField.Timestamp:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = c.Time[i];
                }

                break;
            case DataField.BarIndex:
                for (var i = 0; i < n; i++)
                {
                    destination[i] = i;
                }

                break;
            case DataField.Hour or DataField.Minute:
                {
                    var unit = field == DataField.Hour ? 3_600_000L : 60_000L;
                    var modulus = field == DataField.Hour ? 24 : 60;
                    for (var i = 0; i < n; i++)
                    {
                        destination[i] = FloorDiv(c.Time[i], unit) - (FloorDiv(c.Time[i], unit * modulus) * modulus);
                    }

                    break;
                }

            case DataField.DayOfWeek:
                for (var i = 0; i < n; i++)
                {
                    // 1970-01-01 was a Thursday (ISO day 4); ISO numbers Monday 1 .. Sunday 7.
                    var days = FloorDiv(c.Time[i], DayMs);
                    destination[i] = ((days + 3) % 7 + 7) % 7 + 1;
                }

                break;
            case DataField.DayOfMonth or DataField.Month or DataField.Year:
                {
                    var lastDay = long.MinValue;
                    double value = 0;
                    for (var i = 0; i < n; i++)
                    {
                        var day = FloorDiv(c.Time[i], DayMs);
                        if (day != lastDay)
                        {
                            var date = DateTimeOffset.FromUnixTimeMilliseconds(day * DayMs).UtcDateTime;
                            value = field switch
                            {
                                DataField.DayOfMonth => date.Day,
                                DataField.Month => date.Month,
                                _ => date.Year,
                            };
                            lastDay = day;
                        }

                        destination[i] = value;
                    }

                    break;
                }

            case DataField.FundingRate:
                FundingAsOfClose(context, destination);
                break;
            default:
                throw new InvalidOperationException($"{field} is read in place, not computed.");
        }
    }

    /// <summary>
    /// The rate of the latest funding event strictly before each bar's close; na before the first one. An event
    /// stamped exactly at the close is settled by the engine in the next bar, after that bar's opening fills, so
    /// showing it at this close would let a script exit just before paying a rate it could only know at settlement.
    /// </summary>
    private static void FundingAsOfClose(ResolvedContext context, Span<double> destination)
    {
        var funding = context.Funding;
        var close = context.CloseTimes;
        var j = -1;
        for (var i = 0; i < destination.Length; i++)
        {
            while (funding is not null && j + 1 < funding.Count && funding[j + 1].Time < close[i])
            {
                j++;
            }

            destination[i] = j < 0 ? double.NaN : funding![j].Rate;
        }
    }

    private static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }
}
