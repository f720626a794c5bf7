using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Kaufman adaptive moving average (TA-Lib KAMA; Perry Kaufman, "Smarter Trading", 1995): an EMA whose factor follows
/// the efficiency ratio |net change| / sum |bar changes| over `period` bars, between the factors of a 2-bar and a
/// 30-bar EMA, squared. First value at index period.
/// </summary>
public static class Kama
{
    private const double SlowestFactor = 2.0 / (30.0 + 1.0);
    private const double FactorRange = (2.0 / (2.0 + 1.0)) - SlowestFactor;

    /// <summary>TA-Lib's KAMA lookback: period (its unstable period defaults to 0).</summary>
    public static int Lookback(int period) => period;

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
        var volatility = 0.0;
        for (var i = 0; i < period; i++)
        {
            volatility += Math.Abs(input[i] - input[i + 1]);
        }

        // The bar before the first output seeds the average.
        var kama = Step(input[period - 1], input[period], input[period] - input[0], volatility);
        output[lookback] = kama;
        for (var today = period + 1; today < n; today++)
        {
            var trailing = input[today - period];
            volatility -= Math.Abs(input[today - period - 1] - trailing);
            volatility += Math.Abs(input[today] - input[today - 1]);
            kama = Step(kama, input[today], input[today] - trailing, volatility);
            output[today] = kama;
        }
    }

    /// <summary>One KAMA step from the net change over the window and the sum of absolute bar changes.</summary>
    internal static double Step(double previous, double value, double change, double volatility)
    {
        var efficiency = volatility <= change || TaMath.IsZero(volatility) ? 1.0 : Math.Abs(change / volatility);
        var factor = (efficiency * FactorRange) + SlowestFactor;
        factor *= factor;
        return ((value - previous) * factor) + previous;
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "kama",
        TaLibFunction = "KAMA",
        Group = IndicatorGroup.Overlap,
        Title = "Kaufman Adaptive Moving Average",
        Description = "An EMA whose smoothing follows Kaufman's efficiency ratio over `period` bars: fast (2-bar EMA) in a clean trend, slow "
            + "(30-bar EMA) in noise (Perry Kaufman, Smarter Trading 1995; TA-Lib KAMA).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new KamaState((int)p[0]),
    };
}

/// <summary>Streaming KAMA; equals <see cref="Kama.Compute"/> bit for bit.</summary>
public sealed class KamaState : IIndicatorState, IMovingAverageState
{
    // period + 1 values: today back to today - period.
    private readonly SlidingWindow _window;
    private readonly int _period;
    private double _volatility;
    private double _kama;
    private bool _ready;

    public KamaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _window = new SlidingWindow(period + 2);
    }

    public int WarmUpPeriod => _period + 1;

    public bool IsReady => _ready;

    public double Update(double value)
    {
        _window.Add(value);
        var count = _window.Count;
        if (!_ready)
        {
            if (count >= 2)
            {
                _volatility += Math.Abs(_window[1] - value);
            }

            if (count <= _period)
            {
                return double.NaN;
            }

            _ready = true;
            _kama = Kama.Step(_window[1], value, value - _window[_period], _volatility);
            return _kama;
        }

        var trailing = _window[_period];
        _volatility -= Math.Abs(_window[_period + 1] - trailing);
        _volatility += Math.Abs(value - _window[1]);
        _kama = Kama.Step(_kama, value, value - trailing, _volatility);
        return _kama;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _window.Clear();
        _volatility = 0;
        _kama = 0;
        _ready = false;
    }
}
