namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Chaikin money flow (Marc Chaikin): sum of money-flow volume over sum of volume for the last `period` bars, with
/// money-flow volume = ((close-low) - (high-close)) / (high-low) x volume (0 when high = low). Running sums.
/// First value at index period-1.
/// </summary>
public static class Cmf
{
    public static int Lookback(int period) => period - 1;

    /// <summary>((close-low) - (high-close)) / (high-low): +1 closing at the high, -1 at the low, 0 for a flat bar.</summary>
    public static double Multiplier(double high, double low, double close)
    {
        var range = high - low;
        return range != 0 ? ((close - low) - (high - close)) / range : 0;
    }

    /// <summary>Batch CMF. A window without volume has no money flow ratio and gets NaN.</summary>
    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume,
        int period,
        Span<double> output)
    {
        var n = close.Length;
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
            sums.Add(Multiplier(high[i], low[i], close[i]), volume[i]);
        }

        var trailing = 0;
        for (var i = lookback; i < n; i++)
        {
            sums.Add(Multiplier(high[i], low[i], close[i]), volume[i]);
            output[i] = sums.Average;
            sums.Remove(Multiplier(high[trailing], low[trailing], close[trailing]), volume[trailing]);
            trailing++;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "cmf",
        Aliases = ["chaikin_money_flow"],
        Reference = "trading-signals 8.3.0 CMF",
        Group = IndicatorGroup.Crypto,
        Title = "Chaikin Money Flow",
        Description = "Marc Chaikin's buying/selling pressure in [-1, 1]: sum(money-flow volume) / sum(volume) over `period` "
            + "bars, money-flow volume = ((close-low) - (high-close)) / (high-low) x volume, 0 for a bar with high = low. "
            + "A window with no volume gives `na`.",
        Inputs =
        [
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
            new InputSpec("volume", InputKind.Volume),
        ],
        Parameters = [ParameterSpec.Period(20, min: 1)],
        Outputs = [new OutputSpec("value", "The money flow ratio.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, i.In3, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new CmfState((int)p[0]),
    };
}

/// <summary>Streaming CMF; equals <see cref="Cmf.Compute"/> bit for bit.</summary>
public sealed class CmfState : IIndicatorState
{
    private readonly double[] _multipliers;
    private readonly double[] _volumes;
    private readonly int _period;
    private VolumeWeightedSums _sums;
    private int _count;
    private int _head;

    public CmfState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _multipliers = new double[period];
        _volumes = new double[period];
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _count >= _period;

    public double Update(double high, double low, double close, double volume)
    {
        var multiplier = Cmf.Multiplier(high, low, close);
        _sums.Add(multiplier, volume);
        _multipliers[_head] = multiplier;
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
        _sums.Remove(_multipliers[_head], _volumes[_head]);
        return result;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) =>
        outputs[0] = Update(inputs[0], inputs[1], inputs[2], inputs[3]);

    public void Reset()
    {
        _sums = default;
        _count = 0;
        _head = 0;
        Array.Clear(_multipliers);
        Array.Clear(_volumes);
    }
}
