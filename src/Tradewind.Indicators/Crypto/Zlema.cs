using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Zero-lag EMA (Ehlers and Way): the EMA of the de-lagged source 2 x source - source[lag], lag = (period-1)/2,
/// with the EMA seeded by the SMA of its first `period` inputs (TradingView's and pandas-ta's ZLEMA, TA-Lib's EMA
/// seeding). First value at index lag + period-1.
/// </summary>
public static class Zlema
{
    public static int Lag(int period) => (period - 1) / 2;

    public static int Lookback(int period) => Lag(period) + Ema.Lookback(period);

    public static double DeLagged(double value, double lagged) => (2 * value) - lagged;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var n = input.Length;
        var lag = Lag(period);
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var sum = 0.0;
        for (var i = lag; i <= lookback; i++)
        {
            sum += DeLagged(input[i], input[i - lag]);
        }

        var k = Ema.K(period);
        var previous = sum / period;
        output[lookback] = previous;
        for (var i = lookback + 1; i < n; i++)
        {
            previous = ((DeLagged(input[i], input[i - lag]) - previous) * k) + previous;
            output[i] = previous;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "zlema",
        Aliases = ["zlma"],
        Reference = "TA-Lib EMA (talib@1.1.6) of the de-lagged source; trading-signals 8.3.0 ZLEMA after its seed has decayed",
        Group = IndicatorGroup.Crypto,
        Title = "Zero Lag Exponential Moving Average",
        Description = "Ehlers and Way's zero-lag EMA: EMA(2 x source - source[lag], period) with lag = (period-1)/2 rounded "
            + "down and the EMA seeded by an SMA, as TradingView scripts and pandas-ta compute it.",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(20)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new ZlemaState((int)p[0]),
    };
}

/// <summary>Streaming ZLEMA; equals <see cref="Zlema.Compute"/> bit for bit.</summary>
public sealed class ZlemaState : IIndicatorState
{
    private readonly double[] _history;
    private readonly EmaState _ema;
    private readonly int _period;
    private int _count;
    private int _head;

    public ZlemaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _history = new double[Zlema.Lag(period) + 1];
        _ema = new EmaState(period);
    }

    public int WarmUpPeriod => Zlema.Lookback(_period) + 1;

    public bool IsReady => _ema.IsReady;

    public double Update(double value)
    {
        _history[_head] = value;
        _head = _head + 1 == _history.Length ? 0 : _head + 1;
        if (_count < _history.Length - 1)
        {
            _count++;
            return double.NaN;
        }

        // _history holds the last lag+1 values and _head now points at the oldest: the value `lag` bars back.
        return _ema.Update(Zlema.DeLagged(value, _history[_head]));
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _ema.Reset();
        _count = 0;
        _head = 0;
        Array.Clear(_history);
    }
}
