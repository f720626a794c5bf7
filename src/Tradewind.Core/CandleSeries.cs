namespace Tradewind.Core;

/// <summary>
/// Columnar OHLCV: one <c>long[]</c> of bar open times (Unix ms, strictly increasing) and one <c>double[]</c> per field,
/// all of length <see cref="Count"/>. Hot paths read the arrays directly; nothing here allocates per bar.
/// A series is treated as immutable once built.
/// </summary>
public sealed class CandleSeries
{
    public static readonly CandleSeries Empty = new([], [], [], [], [], []);

    public CandleSeries(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        var n = time.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n)
        {
            throw new ArgumentException(
                $"CandleSeries columns must have equal lengths (time {n}, open {open.Length}, high {high.Length}, low {low.Length}, close {close.Length}, volume {volume.Length}).");
        }

        Time = time;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    public int Count => Time.Length;

    public long[] Time { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    public Candle this[int index] => new(Time[index], Open[index], High[index], Low[index], Close[index], Volume[index]);

    /// <summary>Open time of the first bar, or null when empty.</summary>
    public long? FirstTime => Count == 0 ? null : Time[0];

    /// <summary>Open time of the last bar, or null when empty.</summary>
    public long? LastTime => Count == 0 ? null : Time[^1];

    /// <summary>Index of the first bar whose open time is at or after <paramref name="timeMs"/> (Count if none).</summary>
    public int LowerBound(long timeMs)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (Time[mid] < timeMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>A copy of bars <paramref name="start"/> .. <paramref name="start"/>+<paramref name="length"/>-1.</summary>
    public CandleSeries Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Count);
        if (start == 0 && length == Count)
        {
            return this;
        }

        return new CandleSeries(
            Time.AsSpan(start, length).ToArray(),
            Open.AsSpan(start, length).ToArray(),
            High.AsSpan(start, length).ToArray(),
            Low.AsSpan(start, length).ToArray(),
            Close.AsSpan(start, length).ToArray(),
            Volume.AsSpan(start, length).ToArray());
    }

    /// <summary>Bars whose open time lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public CandleSeries Between(long fromMs, long toMs)
    {
        var start = LowerBound(fromMs);
        var end = LowerBound(toMs);
        return end <= start ? Empty : Slice(start, end - start);
    }

    /// <summary>
    /// Aggregates into a coarser timeframe: first open, highest high, lowest low, last close, summed volume.
    /// With <paramref name="includePartial"/> false, a trailing target bar that <paramref name="source"/> bars do not
    /// fill to its end is dropped (its close is not known yet). Missing source bars inside a target bar are tolerated.
    /// </summary>
    public CandleSeries Resample(Timeframe source, Timeframe target, bool includePartial = false)
    {
        if (!target.IsMultipleOf(source) || target < source)
        {
            ThrowHelper.Throw(
                ErrorCode.UnknownTimeframe,
                $"Cannot resample {source} candles into {target}.",
                "Resample only into a coarser timeframe that is a whole multiple of the source (e.g. 1m -> 1h, 1h -> 1d, 1d -> 1w or 1M).");
        }

        if (source == target || Count == 0)
        {
            return this;
        }

        var builder = new CandleSeriesBuilder(Math.Max(1, (int)(Count * source.NominalMilliseconds / target.NominalMilliseconds) + 2));
        var i = 0;
        while (i < Count)
        {
            var bucket = target.Floor(Time[i]);
            var bucketEnd = target.Next(bucket);
            double o = Open[i], h = High[i], l = Low[i], c = Close[i], v = Volume[i];
            var last = Time[i];
            i++;
            while (i < Count && Time[i] < bucketEnd)
            {
                if (High[i] > h)
                {
                    h = High[i];
                }

                if (Low[i] < l)
                {
                    l = Low[i];
                }

                c = Close[i];
                v += Volume[i];
                last = Time[i];
                i++;
            }

            var complete = source.Next(last) >= bucketEnd;
            if (complete || includePartial || i < Count)
            {
                builder.Add(bucket, o, h, l, c, v);
            }
        }

        return builder.Build();
    }
}
