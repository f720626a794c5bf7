namespace Tradewind.Core;

/// <summary>Grows a <see cref="CandleSeries"/> column by column without a per-bar object.</summary>
public sealed class CandleSeriesBuilder
{
    private long[] _time;
    private double[] _open;
    private double[] _high;
    private double[] _low;
    private double[] _close;
    private double[] _volume;

    public CandleSeriesBuilder(int capacity = 256)
    {
        capacity = Math.Max(capacity, 4);
        _time = new long[capacity];
        _open = new double[capacity];
        _high = new double[capacity];
        _low = new double[capacity];
        _close = new double[capacity];
        _volume = new double[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Open time of the last added bar, or <see cref="long.MinValue"/> when empty.</summary>
    public long LastTime => Count == 0 ? long.MinValue : _time[Count - 1];

    public void Add(in Candle candle) => Add(candle.Time, candle.Open, candle.High, candle.Low, candle.Close, candle.Volume);

    public void Add(long time, double open, double high, double low, double close, double volume)
    {
        if (Count == _time.Length)
        {
            Grow();
        }

        _time[Count] = time;
        _open[Count] = open;
        _high[Count] = high;
        _low[Count] = low;
        _close[Count] = close;
        _volume[Count] = volume;
        Count++;
    }

    public void AddRange(CandleSeries series)
    {
        for (var i = 0; i < series.Count; i++)
        {
            Add(series.Time[i], series.Open[i], series.High[i], series.Low[i], series.Close[i], series.Volume[i]);
        }
    }

    /// <summary>Returns the series; arrays are trimmed to <see cref="Count"/>. The builder is reset.</summary>
    public CandleSeries Build()
    {
        if (Count == 0)
        {
            return CandleSeries.Empty;
        }

        var series = new CandleSeries(
            Trim(_time), Trim(_open), Trim(_high), Trim(_low), Trim(_close), Trim(_volume));
        Count = 0;
        _time = new long[4];
        _open = new double[4];
        _high = new double[4];
        _low = new double[4];
        _close = new double[4];
        _volume = new double[4];
        return series;
    }

    private T[] Trim<T>(T[] column) => column.Length == Count ? column : column.AsSpan(0, Count).ToArray();

    private void Grow()
    {
        var size = _time.Length * 2;
        Array.Resize(ref _time, size);
        Array.Resize(ref _open, size);
        Array.Resize(ref _high, size);
        Array.Resize(ref _low, size);
        Array.Resize(ref _close, size);
        Array.Resize(ref _volume, size);
    }
}
