using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Money flow index (TA-Lib MFI): 100 x positive money flow / total money flow over `period` bars, where money flow
/// is typical price x volume, positive when the typical price rose and negative when it fell (unchanged bars count
/// for neither). First value at index period. TA-Lib outputs 0 when the total flow is below 1.0; so does Tradewind.
/// </summary>
public static class Mfi
{
    public static int Lookback(int period) => period;

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume,
        int period,
        Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        var n = SeriesLength.Common(high, low, close, volume, output);
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var rented = ArrayPool<double>.Shared.Rent(2 * period);
        try
        {
            var ring = rented.AsSpan(0, 2 * period);
            ring.Clear();
            var flows = new MoneyFlowSums(Cci.TypicalPrice(high[0], low[0], close[0]));
            for (var i = 1; i < lookback; i++)
            {
                flows.Add(ring, high[i], low[i], close[i], volume[i]);
            }

            for (var i = lookback; i < n; i++)
            {
                flows.Add(ring, high[i], low[i], close[i], volume[i]);
                output[i] = flows.Value();
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "mfi",
        TaLibFunction = "MFI",
        Group = IndicatorGroup.Momentum,
        Title = "Money Flow Index",
        Description = "A volume-weighted RSI: the share of typical-price x volume that flowed on up bars over the last `period` bars (Quong and Soudack, 1989; TA-Lib MFI).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close), new InputSpec("volume", InputKind.Volume)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "MFI, 0..100.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, i.In3, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MfiState((int)p[0]),
    };

    /// <summary>
    /// Running positive and negative flow over a ring of `period` bars (positive, negative per slot), updated in
    /// TA-Lib's order: remove the slot's old flows, then add the new bar's. The kernel passes pooled scratch as the
    /// ring and the state its own array, so both run the same arithmetic.
    /// </summary>
    internal struct MoneyFlowSums(double firstTypical)
    {
        private double _previousTypical = firstTypical;
        private double _positive;
        private double _negative;
        private int _slot;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Span<double> ring, double high, double low, double close, double volume)
        {
            _positive -= ring[_slot];
            _negative -= ring[_slot + 1];
            var typical = Cci.TypicalPrice(high, low, close);
            var change = typical - _previousTypical;
            _previousTypical = typical;
            // The sign of the change is a coin flip on real prices, so the split is done with compare masks rather
            // than a mispredicting branch. A sum that starts at +0.0 never becomes -0.0, so adding the +0.0 of the
            // losing side leaves it bit-identical to TA-Lib's "add only on this side".
            var flow = Vector128.CreateScalarUnsafe(typical * volume);
            var delta = Vector128.CreateScalarUnsafe(change);
            var positive = (Vector128.GreaterThan(delta, Vector128<double>.Zero) & flow).ToScalar();
            var negative = (Vector128.LessThan(delta, Vector128<double>.Zero) & flow).ToScalar();
            _positive += positive;
            _negative += negative;
            ring[_slot] = positive;
            ring[_slot + 1] = negative;
            _slot = _slot + 2 == ring.Length ? 0 : _slot + 2;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Value()
        {
            var total = _positive + _negative;
            return total < 1.0 ? 0.0 : 100.0 * (_positive / total);
        }
    }
}

/// <summary>Streaming MFI; equals <see cref="Mfi.Compute"/> bit for bit.</summary>
public sealed class MfiState : IIndicatorState
{
    private readonly int _period;
    private readonly double[] _ring;
    private Mfi.MoneyFlowSums _flows;
    private long _bars;

    public MfiState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _ring = new double[2 * period];
    }

    public int WarmUpPeriod => _period + 1;

    public bool IsReady => _bars > _period;

    public double Update(double high, double low, double close, double volume)
    {
        var bar = _bars++;
        if (bar == 0)
        {
            _flows = new Mfi.MoneyFlowSums(Cci.TypicalPrice(high, low, close));
            return double.NaN;
        }

        _flows.Add(_ring, high, low, close, volume);
        return bar < _period ? double.NaN : _flows.Value();
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2], inputs[3]);

    public void Reset()
    {
        Array.Clear(_ring);
        _bars = 0;
    }
}
