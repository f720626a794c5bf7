using System.Buffers;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Arnaud Legoux moving average: a Gaussian-weighted window whose peak sits at offset x (period-1) from the oldest
/// bar, with width period/sigma, as TradingView's `ta.alma` (floor off). First value at index period-1.
/// </summary>
public static class Alma
{
    public static int Lookback(int period) => period - 1;

    /// <summary>The Gaussian weights, oldest bar first; returns their sum, the divisor of the weighted sum.</summary>
    public static double Weights(int period, double offset, double sigma, Span<double> weights)
    {
        var peak = offset * (period - 1);
        var width = period / sigma;
        var total = 0.0;
        for (var i = 0; i < period; i++)
        {
            var w = Math.Exp(-((i - peak) * (i - peak)) / (2 * (width * width)));
            weights[i] = w;
            total += w;
        }

        return total;
    }

    public static void Compute(ReadOnlySpan<double> input, int period, double offset, double sigma, Span<double> output)
    {
        var n = input.Length;
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var rented = ArrayPool<double>.Shared.Rent(period);
        try
        {
            var weights = rented.AsSpan(0, period);
            var total = Weights(period, offset, sigma, weights);
            for (var i = lookback; i < n; i++)
            {
                output[i] = Dot(input.Slice(i - lookback, period), weights) / total;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Sum of value x weight, oldest first: the one summation order both forms use.</summary>
    internal static double Dot(ReadOnlySpan<double> window, ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        for (var k = 0; k < weights.Length; k++)
        {
            sum += window[k] * weights[k];
        }

        return sum;
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "alma",
        Reference = "trading-signals 8.3.0 ALMA",
        Group = IndicatorGroup.Crypto,
        Title = "Arnaud Legoux Moving Average",
        Description = "Arnaud Legoux and Dimitrios Kouzis-Loukas' Gaussian-weighted average: weights "
            + "exp(-(i - offset x (period-1))^2 / (2 (period/sigma)^2)) over the window, oldest bar i = 0, normalised to "
            + "sum 1, as TradingView's `ta.alma`.",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(9, min: 1),
            ParameterSpec.Real("offset", 0.85, 0, 1, "Where the weight peaks: 0 = oldest bar, 1 = newest."),
            ParameterSpec.Real("sigma", 6, 0.001, 1000, "Sharpness: the Gaussian's width is period/sigma bars."),
        ],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], p[1], p[2], o.Out0),
        CreateStateUnchecked = p => new AlmaState((int)p[0], p[1], p[2]),
    };
}

/// <summary>Streaming ALMA; equals <see cref="Alma.Compute"/> bit for bit.</summary>
public sealed class AlmaState : IIndicatorState
{
    private readonly double[] _weights;
    private readonly double[] _window;
    private readonly double _total;
    private int _count;
    private int _head;

    public AlmaState(int period, double offset, double sigma)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        _weights = new double[period];
        _total = Alma.Weights(period, offset, sigma, _weights);

        // Each value is stored twice, `period` apart, so the last `period` values are always one contiguous span.
        _window = new double[2 * period];
    }

    public int WarmUpPeriod => _weights.Length;

    public bool IsReady => _count >= _weights.Length;

    public double Update(double value)
    {
        var period = _weights.Length;
        _window[_head] = value;
        _window[_head + period] = value;
        _head = _head + 1 == period ? 0 : _head + 1;
        if (_count < period)
        {
            _count++;
            if (_count < period)
            {
                return double.NaN;
            }
        }

        // _head is the oldest value's slot; the span runs oldest to newest.
        return Alma.Dot(_window.AsSpan(_head, period), _weights) / _total;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _count = 0;
        _head = 0;
        Array.Clear(_window);
    }
}
