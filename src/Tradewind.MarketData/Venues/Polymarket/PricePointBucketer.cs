using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Polymarket;

/// <summary>
/// Turns a stream of price points (Polymarket's <c>prices-history</c> gives points, not bars) into candles, one per
/// timeframe bucket that holds at least one point: open = first point, high/low = extremes, close = last point,
/// volume 0 (the history carries no volume). Points must arrive oldest first; repeats and points outside
/// [<c>startMs</c>, <c>endMs</c>) are ignored, so overlapping pages are harmless.
/// </summary>
internal sealed class PricePointBucketer
{
    private readonly Timeframe _timeframe;
    private readonly long _startMs;
    private readonly long _endMs;
    private readonly CandleSeriesBuilder _builder;
    private long _bucket = long.MinValue;
    private long _bucketEnd = long.MinValue;
    private long _lastPoint = long.MinValue;
    private double _open;
    private double _high;
    private double _low;
    private double _close;

    public PricePointBucketer(Timeframe timeframe, long startMs, long endMs, int capacity = 256)
    {
        _timeframe = timeframe;
        _startMs = startMs;
        _endMs = endMs;
        _builder = new CandleSeriesBuilder(capacity);
    }

    /// <summary>Open time of the newest bucket seen so far, or <see cref="long.MinValue"/>.</summary>
    public long LastBucket => _bucket;

    public void Add(long timeMs, double price)
    {
        if (timeMs < _startMs || timeMs >= _endMs || timeMs <= _lastPoint)
        {
            return;
        }

        _lastPoint = timeMs;
        if (timeMs >= _bucketEnd)
        {
            Flush();
            _bucket = _timeframe.Floor(timeMs);
            _bucketEnd = _timeframe.Next(_bucket);
            _open = _high = _low = _close = price;
            return;
        }

        if (price > _high)
        {
            _high = price;
        }

        if (price < _low)
        {
            _low = price;
        }

        _close = price;
    }

    public CandleSeries Build()
    {
        Flush();
        _bucket = long.MinValue;
        _bucketEnd = long.MinValue;
        return _builder.Build();
    }

    private void Flush()
    {
        if (_bucket != long.MinValue)
        {
            _builder.Add(_bucket, _open, _high, _low, _close, 0);
        }
    }
}
