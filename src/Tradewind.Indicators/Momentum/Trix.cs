using System.Buffers;
using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// TRIX (TA-Lib TRIX, Jack Hutson): the 1-bar percentage rate of change of a triple EMA,
/// ((ema3 / ema3[1 bar ago]) - 1) * 100 (0 when the previous value is 0). First value at 3 * (period - 1) + 1.
/// </summary>
public static class Trix
{
    public static int Lookback(int period) => (3 * MovingAverage.Lookback(period, MaType.Ema)) + 1;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var n = input.Length;
        var emaLookback = MovingAverage.Lookback(period, MaType.Ema);
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        var rented = ArrayPool<double>.Shared.Rent(n);
        try
        {
            // Each EMA starts where the previous one's first value is, seeded with the SMA of its first `period` values.
            // MovingAverage makes period 1 the series itself; TA-Lib's TRIX misreads its buffers there.
            var scratch = rented.AsSpan(0, n);
            MovingAverage.Compute(input, period, MaType.Ema, output);
            MovingAverage.Compute(output[emaLookback..], period, MaType.Ema, scratch[emaLookback..]);
            var tripleStart = 2 * emaLookback;
            MovingAverage.Compute(scratch[tripleStart..], period, MaType.Ema, output[tripleStart..]);

            // 1-bar ROC in place, from the end so each step still sees the previous EMA value.
            for (var i = n - 1; i >= lookback; i--)
            {
                output[i] = RocFormula.Value(output[i], output[i - 1]);
            }

            output[..lookback].Fill(double.NaN);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "trix",
        TaLibFunction = "TRIX",
        Group = IndicatorGroup.Momentum,
        Title = "TRIX",
        Description = "1-bar percent rate of change of a triple exponential moving average, which filters out cycles shorter "
            + "than the period (Jack Hutson; TA-Lib TRIX).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30, min: 1)],
        Outputs = [new OutputSpec("value", "Percent change of the triple EMA.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new TrixState((int)p[0]),
    };
}

/// <summary>Streaming TRIX; equals <see cref="Trix.Compute"/> bit for bit.</summary>
public sealed class TrixState : IIndicatorState
{
    private readonly IMovingAverageState _ema1;
    private readonly IMovingAverageState _ema2;
    private readonly IMovingAverageState _ema3;
    private readonly int _lookback;
    private double _previous;
    private int _bars;

    public TrixState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _ema1 = MovingAverage.CreateState(period, MaType.Ema);
        _ema2 = MovingAverage.CreateState(period, MaType.Ema);
        _ema3 = MovingAverage.CreateState(period, MaType.Ema);
        _lookback = Trix.Lookback(period);
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _bars > _lookback;

    public double Update(double value)
    {
        var bar = _bars;
        if (_bars <= _lookback)
        {
            _bars++;
        }

        var e1 = _ema1.Update(value);
        if (!_ema1.IsReady)
        {
            return double.NaN;
        }

        var e2 = _ema2.Update(e1);
        if (!_ema2.IsReady)
        {
            return double.NaN;
        }

        var e3 = _ema3.Update(e2);
        if (!_ema3.IsReady)
        {
            return double.NaN;
        }

        var previous = _previous;
        _previous = e3;
        return bar < _lookback ? double.NaN : RocFormula.Value(e3, previous);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _ema1.Reset();
        _ema2.Reset();
        _ema3.Reset();
        _previous = 0;
        _bars = 0;
    }
}
