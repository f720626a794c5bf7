using System.Buffers;
using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Momentum;

/// <summary>How a fast and a slow average combine (APO and PPO; TA-Lib's INT_PO).</summary>
internal interface IPriceOscillatorFormula
{
    static abstract double Value(double fast, double slow);
}

internal readonly struct AbsoluteOscillatorFormula : IPriceOscillatorFormula
{
    public static double Value(double fast, double slow) => fast - slow;
}

/// <summary>100 * (fast - slow) / slow; 0 when the slow average is (near) zero, as TA-Lib does.</summary>
internal readonly struct PercentageOscillatorFormula : IPriceOscillatorFormula
{
    public static double Value(double fast, double slow) => WilderGainLoss.IsZero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0;
}

/// <summary>
/// Fast and slow moving averages of the same type, both started at the first bar (unlike MACD, TA-Lib does not
/// align their seeds here). First value at the slow average's lookback.
/// </summary>
internal static class PriceOscillator
{
    public static int Lookback(int fastPeriod, int slowPeriod, MaType type) => MovingAverage.Lookback(Math.Max(fastPeriod, slowPeriod), type);

    public static void Compute<TFormula>(ReadOnlySpan<double> input, int fastPeriod, int slowPeriod, MaType type, Span<double> output)
        where TFormula : struct, IPriceOscillatorFormula
    {
        if (slowPeriod < fastPeriod)
        {
            (fastPeriod, slowPeriod) = (slowPeriod, fastPeriod);
        }

        var n = input.Length;
        var lookback = MovingAverage.Lookback(slowPeriod, type);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        var rented = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var fast = rented.AsSpan(0, n);
            MovingAverage.Compute(input, fastPeriod, type, fast);
            MovingAverage.Compute(input, slowPeriod, type, output);
            for (var i = lookback; i < n; i++)
            {
                output[i] = TFormula.Value(fast[i], output[i]);
            }

            output[..lookback].Fill(double.NaN);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}

/// <summary>Streaming form of <see cref="PriceOscillator"/>.</summary>
internal sealed class PriceOscillatorState<TFormula>
    where TFormula : struct, IPriceOscillatorFormula
{
    private readonly IMovingAverageState _fast;
    private readonly IMovingAverageState _slow;
    private readonly int _lookback;
    private int _bars;

    public PriceOscillatorState(int fastPeriod, int slowPeriod, MaType type)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slowPeriod, 1);
        if (slowPeriod < fastPeriod)
        {
            (fastPeriod, slowPeriod) = (slowPeriod, fastPeriod);
        }

        _fast = MovingAverage.CreateState(fastPeriod, type);
        _slow = MovingAverage.CreateState(slowPeriod, type);
        _lookback = MovingAverage.Lookback(slowPeriod, type);
    }

    public int Lookback => _lookback;

    public bool IsReady => _bars > _lookback;

    public double Update(double value)
    {
        var bar = _bars;
        if (_bars <= _lookback)
        {
            _bars++;
        }

        var fast = _fast.Update(value);
        var slow = _slow.Update(value);
        return bar < _lookback ? double.NaN : TFormula.Value(fast, slow);
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _bars = 0;
    }
}
