using System.Runtime.CompilerServices;
using Tradewind.Indicators.Momentum;

namespace Tradewind.Indicators.Volume;

/// <summary>
/// Chaikin A/D oscillator (TA-Lib ADOSC): fast EMA minus slow EMA of the A/D line. Unlike TA-Lib's EMA, both EMAs
/// start from the first A/D value (not an SMA seed), as ta_ADOSC.c does. First value at index max(fast, slow) - 1.
/// </summary>
public static class ChaikinOscillator
{
    public static int Lookback(int fastPeriod, int slowPeriod) => Math.Max(fastPeriod, slowPeriod) - 1;

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume,
        int fastPeriod,
        int slowPeriod,
        Span<double> output)
    {
        var ema = new Emas(fastPeriod, slowPeriod);
        var n = SeriesLength.Common(high, low, close, volume, output);
        var lookback = Lookback(fastPeriod, slowPeriod);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var ad = AccumulationDistribution.Add(0.0, high[0], low[0], close[0], volume[0]);
        ema.Start(ad);
        for (var i = 1; i < lookback; i++)
        {
            ad = AccumulationDistribution.Add(ad, high[i], low[i], close[i], volume[i]);
            ema.Update(ad);
        }

        for (var i = lookback; i < n; i++)
        {
            ad = AccumulationDistribution.Add(ad, high[i], low[i], close[i], volume[i]);
            output[i] = ema.Update(ad);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "adosc",
        TaLibFunction = "ADOSC",
        Group = IndicatorGroup.Volume,
        Title = "Chaikin A/D Oscillator",
        Description = "Momentum of the accumulation/distribution line: its fast EMA minus its slow EMA (Marc Chaikin; TA-Lib ADOSC).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close), new InputSpec("volume", InputKind.Volume)],
        Parameters =
        [
            ParameterSpec.Period(3, name: "fast_period", description: "Bars in the fast EMA of the A/D line."),
            ParameterSpec.Period(10, name: "slow_period", description: "Bars in the slow EMA of the A/D line."),
        ],
        Outputs = [new OutputSpec("value", "Fast EMA - slow EMA, in volume units.")],
        Lookback = p => Lookback((int)p[0], (int)p[1]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, i.In2, i.In3, (int)p[0], (int)p[1], o.Out0),
        CreateStateUnchecked = p => new ChaikinOscillatorState((int)p[0], (int)p[1]),
    };

    /// <summary>The two EMAs of the A/D line, k = 2/(period+1), in ta_ADOSC.c's form k x ad + (1 - k) x ema.</summary>
    internal struct Emas
    {
        private readonly double _fastK;
        private readonly double _fastRest;
        private readonly double _slowK;
        private readonly double _slowRest;
        private double _fast;
        private double _slow;

        public Emas(int fastPeriod, int slowPeriod)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 2);
            ArgumentOutOfRangeException.ThrowIfLessThan(slowPeriod, 2);
            _fastK = 2.0 / (fastPeriod + 1);
            _fastRest = 1.0 - _fastK;
            _slowK = 2.0 / (slowPeriod + 1);
            _slowRest = 1.0 - _slowK;
        }

        public void Start(double ad)
        {
            _fast = ad;
            _slow = ad;
        }

        /// <summary>Advances both EMAs and returns fast - slow.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Update(double ad)
        {
            _fast = (_fastK * ad) + (_fastRest * _fast);
            _slow = (_slowK * ad) + (_slowRest * _slow);
            return _fast - _slow;
        }
    }
}

/// <summary>Streaming Chaikin oscillator; equals <see cref="ChaikinOscillator.Compute"/> bit for bit.</summary>
public sealed class ChaikinOscillatorState : IIndicatorState
{
    private readonly int _fastPeriod;
    private readonly int _slowPeriod;
    private readonly int _lookback;
    private ChaikinOscillator.Emas _ema;
    private double _ad;
    private long _bars;

    public ChaikinOscillatorState(int fastPeriod, int slowPeriod)
    {
        _ema = new ChaikinOscillator.Emas(fastPeriod, slowPeriod);
        _fastPeriod = fastPeriod;
        _slowPeriod = slowPeriod;
        _lookback = ChaikinOscillator.Lookback(fastPeriod, slowPeriod);
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _bars > _lookback;

    public double Update(double high, double low, double close, double volume)
    {
        var bar = _bars++;
        _ad = AccumulationDistribution.Add(_ad, high, low, close, volume);
        if (bar == 0)
        {
            _ema.Start(_ad);
            return double.NaN;
        }

        var value = _ema.Update(_ad);
        return bar < _lookback ? double.NaN : value;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2], inputs[3]);

    public void Reset()
    {
        _ema = new ChaikinOscillator.Emas(_fastPeriod, _slowPeriod);
        _ad = 0;
        _bars = 0;
    }
}
