namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Exponential moving average (TA-Lib EMA): k = 2/(period+1), seeded with the SMA of the first `period` values,
/// first value at index period-1.
/// </summary>
public static class Ema
{
    public static int Lookback(int period) => period - 1;

    public static double K(int period) => 2.0 / (period + 1);

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output) =>
        Compute(input, period, K(period), output);

    /// <summary>EMA with an explicit smoothing factor (TA-Lib's INT_EMA, used by MACDFIX and others).</summary>
    public static void Compute(ReadOnlySpan<double> input, int period, double k, Span<double> output)
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
        for (var i = 0; i < period; i++)
        {
            sum += input[i];
        }

        var prev = sum / period;
        output[lookback] = prev;
        for (var i = period; i < n; i++)
        {
            prev = ((input[i] - prev) * k) + prev;
            output[i] = prev;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ema",
        TaLibFunction = "EMA",
        Group = IndicatorGroup.Overlap,
        Title = "Exponential Moving Average",
        Description = "Exponentially weighted average with k = 2/(period+1), seeded with the SMA of the first `period` values (TA-Lib).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new EmaState((int)p[0]),
    };
}

/// <summary>Streaming EMA; equals <see cref="Ema.Compute(ReadOnlySpan{double}, int, Span{double})"/> bit for bit.</summary>
public sealed class EmaState : IIndicatorState
{
    private readonly int _period;
    private readonly double _k;
    private double _sum;
    private double _prev;
    private int _count;

    public EmaState(int period)
        : this(period, Ema.K(period))
    {
    }

    public EmaState(int period, double k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _k = k;
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _count >= _period;

    public double Update(double value)
    {
        if (_count < _period)
        {
            _sum += value;
            _count++;
            if (_count < _period)
            {
                return double.NaN;
            }

            _prev = _sum / _period;
            return _prev;
        }

        _prev = ((value - _prev) * _k) + _prev;
        return _prev;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _sum = 0;
        _prev = 0;
        _count = 0;
    }
}
