using System.Globalization;
using Tradewind.Core;

namespace Tradewind.MarketData.Storage;

/// <summary>
/// The rules every stored bar obeys. Checked for the whole batch before a transaction opens, so a bad bar means
/// nothing is written.
/// </summary>
internal static class CandleValidation
{
    private const string Rules =
        "Bars must open on the timeframe's boundaries, be strictly increasing in time, have finite positive prices with "
        + "high >= max(open, close) and low <= min(open, close), and a volume >= 0. Nothing was written.";

    public static void Validate(Ticker ticker, Timeframe timeframe, CandleSeries candles)
    {
        var time = candles.Time;
        for (var i = 0; i < candles.Count; i++)
        {
            var t = time[i];
            if (!timeframe.IsAligned(t))
            {
                Fail(ticker, timeframe, t, $"it is not aligned to {timeframe} (the bar containing it opens at {TimeFormat.ToIso(timeframe.Floor(t))})");
            }

            if (i > 0 && t <= time[i - 1])
            {
                Fail(ticker, timeframe, t, t == time[i - 1]
                    ? "it appears twice"
                    : $"it comes after the later bar {TimeFormat.ToIso(time[i - 1])} (bars must be oldest first)");
            }

            double o = candles.Open[i], h = candles.High[i], l = candles.Low[i], c = candles.Close[i], v = candles.Volume[i];
            CheckPrice(ticker, timeframe, t, "open", o);
            CheckPrice(ticker, timeframe, t, "high", h);
            CheckPrice(ticker, timeframe, t, "low", l);
            CheckPrice(ticker, timeframe, t, "close", c);
            if (h < Math.Max(o, c))
            {
                Fail(ticker, timeframe, t, $"high {Format(h)} is below max(open {Format(o)}, close {Format(c)})");
            }

            if (l > Math.Min(o, c))
            {
                Fail(ticker, timeframe, t, $"low {Format(l)} is above min(open {Format(o)}, close {Format(c)})");
            }

            if (!double.IsFinite(v) || v < 0)
            {
                Fail(ticker, timeframe, t, $"volume {Format(v)} is not a finite number >= 0");
            }
        }
    }

    private static void CheckPrice(Ticker ticker, Timeframe timeframe, long time, string field, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            Fail(ticker, timeframe, time, $"{field} {Format(value)} is not a finite positive price");
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Fail(Ticker ticker, Timeframe timeframe, long time, string problem) =>
        ThrowHelper.Throw(
            ErrorCode.ValidationError,
            $"Cannot store the {timeframe} bar at {TimeFormat.ToIso(time)} of {ticker}: {problem}.",
            Rules);
}
