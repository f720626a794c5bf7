using Tradewind.Core;

namespace Tradewind.MarketData.Venues;

/// <summary>What candle requests on every venue share: the range check, and timeframes a venue builds from daily bars.</summary>
internal static class VenueCandles
{
    public static void ValidateRange(long fromMs, long toMs)
    {
        if (fromMs < 0 || toMs < 0)
        {
            ThrowHelper.Throw(
                ErrorCode.ValidationError,
                $"Time range [{fromMs}, {toMs}) has a negative bound.",
                "Pass Unix milliseconds (UTC) with from < to.");
        }
    }

    /// <summary>
    /// Bars of <paramref name="timeframe"/> opening in [<paramref name="fromMs"/>, <paramref name="toMs"/>): fetched as
    /// they are when the venue serves the timeframe (<paramref name="native"/>), else built from daily bars over whole
    /// periods around the range (Monday weeks and calendar months, which venues align differently or not at all).
    /// </summary>
    /// <param name="native">The timeframes the venue serves, under the same names as Tradewind's.</param>
    /// <param name="timeframe">The timeframe asked for.</param>
    /// <param name="fromMs">Start of the range, inclusive.</param>
    /// <param name="toMs">End of the range, exclusive.</param>
    /// <param name="fetch">Fetches the venue's bars of a native timeframe in [from, to).</param>
    public static async Task<CandleSeries> NativeOrFromDailyAsync(
        IReadOnlyList<Timeframe> native, Timeframe timeframe, long fromMs, long toMs, Func<Timeframe, long, long, Task<CandleSeries>> fetch)
    {
        for (var i = 0; i < native.Count; i++)
        {
            if (native[i] == timeframe)
            {
                return await fetch(timeframe, fromMs, toMs);
            }
        }

        var daily = await fetch(Timeframe.D1, timeframe.Floor(fromMs), timeframe.Next(toMs - 1));
        return daily.Resample(Timeframe.D1, timeframe, includePartial: true).Between(fromMs, toMs);
    }
}
