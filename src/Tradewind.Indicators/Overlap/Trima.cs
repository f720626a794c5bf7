using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Triangular moving average (TA-Lib TRIMA): weights rise linearly to the middle of the window and fall again, the
/// same as an SMA of an SMA. First value at index period-1.
/// </summary>
public static class Trima
{
    public static int Lookback(int period) => period - 1;

    /// <summary>1 / (sum of the triangular weights): (h+1)^2 for odd periods, h(h+1) for even, h = period/2.</summary>
    internal static double Factor(int period)
    {
        long half = period >> 1;
        return 1.0 / ((period & 1) == 1 ? (half + 1) * (half + 1) : half * (half + 1));
    }

    /// <summary>
    /// Batch TRIMA with TA-Lib's O(1) update: a numerator plus the running sums of the older half (numeratorSub)
    /// and the newer half (numeratorAdd) of the window.
    /// </summary>
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
        var odd = (period & 1) == 1;
        var half = period >> 1;
        var factor = Factor(period);
        var sums = Sums.Initial(input[..period], half, odd);
        output[lookback] = sums.Numerator * factor;
        for (var today = period; today < n; today++)
        {
            sums.Step(input[today - period], input[today - half], input[today], odd);
            output[today] = sums.Numerator * factor;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "trima",
        TaLibFunction = "TRIMA",
        Group = IndicatorGroup.Overlap,
        Title = "Triangular Moving Average",
        Description = "Average of the last `period` values with triangular weights (1, 2, ..., peak, ..., 2, 1), equal to an SMA of an SMA (TA-Lib TRIMA).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new TrimaState((int)p[0]),
    };

    /// <summary>TA-Lib's running sums, shared by the batch kernel and the state so both round identically.</summary>
    internal struct Sums
    {
        public double Numerator;
        private double _sub;
        private double _add;

        /// <summary>The sums for the first full window (oldest first).</summary>
        public static Sums Initial(ReadOnlySpan<double> window, int half, bool odd)
        {
            // The older half runs from the middle back to the oldest bar; the middle bar belongs to it.
            var middle = odd ? half : half - 1;
            var sums = default(Sums);
            for (var i = middle; i >= 0; i--)
            {
                sums._sub += window[i];
                sums.Numerator += sums._sub;
            }

            for (var i = middle + 1; i < window.Length; i++)
            {
                sums._add += window[i];
                sums.Numerator += sums._add;
            }

            return sums;
        }

        /// <summary>
        /// Slides one bar: <paramref name="leaving"/> is the bar that drops out, <paramref name="middle"/> the bar that
        /// moves from the newer half to the older (today - period/2), <paramref name="today"/> the new bar.
        /// </summary>
        public void Step(double leaving, double middle, double today, bool odd)
        {
            Numerator -= _sub;
            _sub -= leaving;
            _sub += middle;
            if (odd)
            {
                Numerator += _add;
                _add -= middle;
            }
            else
            {
                _add -= middle;
                Numerator += _add;
            }

            _add += today;
            Numerator += today;
        }
    }
}

/// <summary>Streaming TRIMA; equals <see cref="Trima.Compute"/> bit for bit.</summary>
public sealed class TrimaState : IIndicatorState, IMovingAverageState
{
    private readonly SlidingWindow _window;
    private readonly int _half;
    private readonly bool _odd;
    private readonly double _factor;
    private Trima.Sums _sums;

    public TrimaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _window = new SlidingWindow(period);
        _half = period >> 1;
        _odd = (period & 1) == 1;
        _factor = Trima.Factor(period);
    }

    public int WarmUpPeriod => _window.Capacity;

    public bool IsReady => _window.IsFull;

    public double Update(double value)
    {
        if (_window.IsFull)
        {
            var leaving = _window.Oldest;
            _window.Add(value);
            _sums.Step(leaving, _window[_half], value, _odd);
            return _sums.Numerator * _factor;
        }

        _window.Add(value);
        if (!_window.IsFull)
        {
            return double.NaN;
        }

        _sums = Trima.Sums.Initial(_window.Values, _half, _odd);
        return _sums.Numerator * _factor;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _window.Clear();
        _sums = default;
    }
}
