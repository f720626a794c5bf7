using System.Buffers;
using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Commodity channel index (TA-Lib CCI): (typical price - its SMA) / (0.015 x mean absolute deviation), over
/// `period` bars, first value at index period-1. The window is summed in ring-slot order (slot = bar mod period),
/// which is TA-Lib's order, so the sums round the same way.
/// </summary>
public static class Cci
{
    private const int StackLimit = 256;

    public static int Lookback(int period) => period - 1;

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

        output[..lookback].Fill(double.NaN);
        double[]? rented = null;
        var ring = period <= StackLimit ? stackalloc double[period] : (rented = ArrayPool<double>.Shared.Rent(period)).AsSpan(0, period);
        try
        {
            var slot = 0;
            for (var i = 0; i < lookback; i++)
            {
                ring[slot++] = TypicalPrice(high[i], low[i], close[i]);
            }

            for (var i = lookback; i < n; i++)
            {
                var typical = TypicalPrice(high[i], low[i], close[i]);
                ring[slot] = typical;
                slot = slot + 1 == period ? 0 : slot + 1;
                output[i] = Value(ring, typical);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double TypicalPrice(double high, double low, double close) => (high + low + close) / 3;

    /// <summary>CCI of a full window (any slot order is TA-Lib's as long as slot = bar mod period).</summary>
    internal static double Value(ReadOnlySpan<double> window, double typical)
    {
        var period = window.Length;
        var average = 0.0;
        for (var j = 0; j < window.Length; j++)
        {
            average += window[j];
        }

        average /= period;
        var deviation = 0.0;
        for (var j = 0; j < window.Length; j++)
        {
            deviation += Math.Abs(window[j] - average);
        }

        var distance = typical - average;
        return distance != 0.0 && deviation != 0.0 ? distance / (0.015 * (deviation / period)) : 0.0;
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "cci",
        TaLibFunction = "CCI",
        Group = IndicatorGroup.Momentum,
        Title = "Commodity Channel Index",
        Description = "Distance of the typical price (h+l+c)/3 from its moving average, in units of 0.015 x its mean absolute deviation (Lambert, 1980; TA-Lib CCI).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "CCI; about two thirds of values fall within -100..100.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new CciState((int)p[0]),
    };
}

/// <summary>Streaming CCI with a ring of typical prices; equals <see cref="Cci.Compute"/> bit for bit.</summary>
public sealed class CciState : IIndicatorState
{
    private readonly double[] _ring;
    private int _slot;
    private int _count;

    public CciState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _ring = new double[period];
    }

    public int WarmUpPeriod => _ring.Length;

    public bool IsReady => _count >= _ring.Length;

    public double Update(double high, double low, double close)
    {
        var typical = Cci.TypicalPrice(high, low, close);
        _ring[_slot] = typical;
        _slot = _slot + 1 == _ring.Length ? 0 : _slot + 1;
        if (_count < _ring.Length)
        {
            _count++;
            if (_count < _ring.Length)
            {
                return double.NaN;
            }
        }

        return Cci.Value(_ring, typical);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        Array.Clear(_ring);
        _slot = 0;
        _count = 0;
    }
}
