namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Average directional movement rating (TA-Lib ADXR): (ADX + ADX of period - 1 bars earlier) / 2. First value at
/// index 3 x period - 2.
/// </summary>
public static class Adxr
{
    public static int Lookback(int period) => period + Adx.Lookback(period) - 1;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        var n = SeriesLength.Common(high, low, close, output);
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        // ADX into the output first, then average in place from the end: each bar reads an earlier, not yet
        // overwritten ADX, so no scratch buffer is needed.
        Adx.Compute(high, low, close, period, output[..n]);
        var lag = period - 1;
        for (var i = n - 1; i >= lookback; i--)
        {
            output[i] = (output[i] + output[i - lag]) / 2.0;
        }

        output[..lookback].Fill(double.NaN);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "adxr",
        TaLibFunction = "ADXR",
        Group = IndicatorGroup.Momentum,
        Title = "Average Directional Movement Index Rating",
        Description = "ADX smoothed once more: the mean of today's ADX and the ADX period - 1 bars ago (Wilder, 1978; TA-Lib ADXR).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "ADXR, 0..100.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new AdxrState((int)p[0]),
    };
}

/// <summary>Streaming ADXR with a ring of the last period - 1 ADX values; equals <see cref="Adxr.Compute"/> bit for bit.</summary>
public sealed class AdxrState : IIndicatorState
{
    private readonly int _period;
    private readonly double[] _history;
    private DirectionalMovement _dm;
    private Adx.Output _adx;
    private int _count;
    private int _head;

    public AdxrState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _history = new double[period - 1];
        _dm = new DirectionalMovement(period);
        _adx = new Adx.Output(period);
    }

    public int WarmUpPeriod => Adxr.Lookback(_period) + 1;

    public bool IsReady => _count > _history.Length;

    public double Update(double high, double low, double close)
    {
        _dm.Update(high, low, close);
        if (_dm.Bars <= Adx.Lookback(_period))
        {
            if (_dm.Bars > _period)
            {
                _adx.Next(_dm.Plus, _dm.Minus, _dm.Range);
            }

            return double.NaN;
        }

        var adx = _adx.Next(_dm.Plus, _dm.Minus, _dm.Range);

        // _head holds the ADX of period - 1 bars ago once the ring is full.
        var earlier = _history[_head];
        _history[_head] = adx;
        _head = _head + 1 == _history.Length ? 0 : _head + 1;
        if (_count <= _history.Length)
        {
            _count++;
            if (_count <= _history.Length)
            {
                return double.NaN;
            }
        }

        return (adx + earlier) / 2.0;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        _dm = new DirectionalMovement(_period);
        _adx = new Adx.Output(_period);
        Array.Clear(_history);
        _count = 0;
        _head = 0;
    }
}
