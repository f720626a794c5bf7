namespace Tradewind.Indicators.Overlap;

/// <summary>Simple moving average (TA-Lib SMA). First value at index period-1.</summary>
public static class Sma
{
    public static int Lookback(int period) => period - 1;

    /// <summary>Batch SMA. Same running-sum order as TA-Lib (add the new bar, emit sum/period, drop the oldest).</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var lookback = Lookback(period);
        var n = input.Length;
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var sum = 0.0;
        for (var i = 0; i < lookback; i++)
        {
            sum += input[i];
        }

        var trailing = 0;
        for (var i = lookback; i < n; i++)
        {
            sum += input[i];
            output[i] = sum / period;
            sum -= input[trailing++];
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "sma",
        TaLibFunction = "SMA",
        Group = IndicatorGroup.Overlap,
        Title = "Simple Moving Average",
        Description = "Arithmetic mean of the last `period` values.",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new SmaState((int)p[0]),
    };
}

/// <summary>Streaming SMA with a ring buffer; equals <see cref="Sma.Compute"/> bit for bit.</summary>
public sealed class SmaState : IIndicatorState
{
    private readonly double[] _window;
    private readonly int _period;
    private double _sum;
    private int _count;
    private int _head;

    public SmaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _window = new double[period];
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _count >= _period;

    public double Update(double value)
    {
        _sum += value;
        _window[_head] = value;
        _head = _head + 1 == _period ? 0 : _head + 1;
        if (_count < _period)
        {
            _count++;
            if (_count < _period)
            {
                return double.NaN;
            }
        }

        var result = _sum / _period;

        // _head now points at the oldest value in the window: the one TA-Lib drops after emitting.
        _sum -= _window[_head];
        return result;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _sum = 0;
        _count = 0;
        _head = 0;
        Array.Clear(_window);
    }
}
