using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Average directional movement index (TA-Lib ADX): Wilder's smoothing of DX. First value at index 2 x period - 1,
/// the plain mean of the DX values of bars period..2 x period - 1.
/// </summary>
public static class Adx
{
    public static int Lookback(int period) => (2 * period) - 1;

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

        // DX starts at bar `period`; the sink answers NaN until its first mean at the lookback.
        var sink = new Output(period);
        DirectionalMovement.Run(high, low, close, period, period, ref sink, output);
        output[..lookback].Fill(double.NaN);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "adx",
        TaLibFunction = "ADX",
        Group = IndicatorGroup.Momentum,
        Title = "Average Directional Movement Index",
        Description = "Trend strength regardless of direction: Wilder's moving average of DX (Wilder, 1978; TA-Lib ADX).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "ADX, 0..100.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new AdxState((int)p[0]),
    };

    /// <summary>
    /// TA-Lib's ADX recursion, fed one DX per bar from bar `period` on: the first ADX is the mean of `period` DX values,
    /// then ADX = (ADX x (period - 1) + DX) / period. Undefined DX values add nothing to the mean and leave ADX
    /// unchanged, as in ta_ADX.c. Shared by ADX and ADXR, batch and streaming.
    /// </summary>
    internal struct Output(int period) : IDirectionalOutput
    {
        private readonly double _period = period;
        private readonly double _periodLessOne = period - 1;
        private int _count;
        private double _sum;
        private double _adx;

        public static bool UsesRange => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Next(double plus, double minus, double range)
        {
            var defined = DirectionalMovement.TryDirectionalIndex(plus, minus, range, out var dx);
            if (_count < period)
            {
                if (defined)
                {
                    _sum += dx;
                }

                if (++_count < period)
                {
                    return double.NaN;
                }

                _adx = _sum / _period;
                return _adx;
            }

            if (defined)
            {
                _adx = ((_adx * _periodLessOne) + dx) / _period;
            }

            return _adx;
        }
    }
}

/// <summary>Streaming ADX; equals <see cref="Adx.Compute"/> bit for bit.</summary>
public sealed class AdxState : IIndicatorState
{
    private readonly int _period;
    private DirectionalMovement _dm;
    private Adx.Output _adx;

    public AdxState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _dm = new DirectionalMovement(period);
        _adx = new Adx.Output(period);
    }

    public int WarmUpPeriod => Adx.Lookback(_period) + 1;

    public bool IsReady => _dm.Bars > Adx.Lookback(_period);

    public double Update(double high, double low, double close)
    {
        _dm.Update(high, low, close);
        return _dm.Bars > _period ? _adx.Next(_dm.Plus, _dm.Minus, _dm.Range) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        _dm = new DirectionalMovement(_period);
        _adx = new Adx.Output(_period);
    }
}
