namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Volume-weighted moving average: sum(source x volume) / sum(volume) over the last `period` bars (TradingView's
/// `ta.vwma`). Running sums, like TA-Lib's SMA. First value at index period-1.
/// </summary>
public static class Vwma
{
    public static int Lookback(int period) => period - 1;

    /// <summary>Batch VWMA. A window without volume has no weighted price and gets NaN.</summary>
    public static void Compute(ReadOnlySpan<double> source, ReadOnlySpan<double> volume, int period, Span<double> output)
    {
        var n = source.Length;
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var sums = default(VolumeWeightedSums);
        for (var i = 0; i < lookback; i++)
        {
            sums.Add(source[i], volume[i]);
        }

        var trailing = 0;
        for (var i = lookback; i < n; i++)
        {
            sums.Add(source[i], volume[i]);
            output[i] = sums.Average;
            sums.Remove(source[trailing], volume[trailing]);
            trailing++;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "vwma",
        Reference = "trading-signals 8.3.0 VWMA",
        Group = IndicatorGroup.Crypto,
        Title = "Volume Weighted Moving Average",
        Description = "Average of the source over the last `period` bars, each bar weighted by its volume: "
            + "sum(source x volume) / sum(volume), as TradingView's `ta.vwma`. A window with no volume gives `na`.",
        Inputs = [new InputSpec("source", InputKind.Real), new InputSpec("volume", InputKind.Volume)],
        Parameters = [ParameterSpec.Period(20)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new VwmaState((int)p[0]),
    };
}

/// <summary>Streaming VWMA; equals <see cref="Vwma.Compute"/> bit for bit.</summary>
public sealed class VwmaState : IIndicatorState
{
    private readonly double[] _sources;
    private readonly double[] _volumes;
    private readonly int _period;
    private VolumeWeightedSums _sums;
    private int _count;
    private int _head;

    public VwmaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _sources = new double[period];
        _volumes = new double[period];
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _count >= _period;

    public double Update(double source, double volume)
    {
        _sums.Add(source, volume);
        _sources[_head] = source;
        _volumes[_head] = volume;
        _head = _head + 1 == _period ? 0 : _head + 1;
        if (_count < _period)
        {
            _count++;
            if (_count < _period)
            {
                return double.NaN;
            }
        }

        var result = _sums.Average;

        // _head now points at the oldest bar in the window: the one dropped after emitting.
        _sums.Remove(_sources[_head], _volumes[_head]);
        return result;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset()
    {
        _sums = default;
        _count = 0;
        _head = 0;
        Array.Clear(_sources);
        Array.Clear(_volumes);
    }
}

/// <summary>
/// Running sum(price x volume) and sum(volume) of a window. Counting the bars with volume lets the sums restart
/// from exact zeros when the window holds none, so rounding left by subtraction never becomes a fake average.
/// </summary>
internal struct VolumeWeightedSums
{
    private double _priceVolume;
    private double _volume;
    private int _withVolume;

    public readonly double Average => _withVolume > 0 ? _priceVolume / _volume : double.NaN;

    public void Add(double price, double volume)
    {
        _priceVolume += price * volume;
        _volume += volume;
        if (volume != 0)
        {
            _withVolume++;
        }
    }

    public void Remove(double price, double volume)
    {
        _priceVolume -= price * volume;
        _volume -= volume;
        if (volume != 0 && --_withVolume == 0)
        {
            _priceVolume = 0;
            _volume = 0;
        }
    }
}
