using System.Buffers;
using System.Runtime.CompilerServices;
using Tradewind.Indicators.Volatility;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Ultimate oscillator (TA-Lib ULTOSC): buying pressure (close - true low) over true range, summed over three
/// periods and weighted 4:2:1 from the shortest to the longest, scaled to 0..100. TA-Lib sorts the three periods
/// first, so their order does not matter. First value at index max(periods).
/// </summary>
public static class UltimateOscillator
{
    public static int Lookback(int period1, int period2, int period3) => Math.Max(Math.Max(period1, period2), period3);

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period1,
        int period2,
        int period3,
        Span<double> output)
    {
        var sums = new Sums(period1, period2, period3);
        var n = SeriesLength.Common(high, low, close, output);
        var lookback = Lookback(period1, period2, period3);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);

        // Each bar's terms are computed once and kept in a ring of the longest period, so dropping the oldest bar
        // of each window is a read, not a recomputation. Slot = bar mod longest, as in the streaming state.
        var capacity = sums.Long;
        var rented = ArrayPool<double>.Shared.Rent(2 * capacity);
        try
        {
            var pressures = rented.AsSpan(0, capacity);
            var ranges = rented.AsSpan(capacity, capacity);
            for (var day = 1; day < lookback; day++)
            {
                var (pressure, range) = Terms(high[day], low[day], close[day], close[day - 1]);
                pressures[day % capacity] = pressure;
                ranges[day % capacity] = range;
                sums.Prime(day, lookback, pressure, range);
            }

            var slot = lookback % capacity;
            var shortSlot = (lookback - sums.Short + 1) % capacity;
            var mediumSlot = (lookback - sums.Medium + 1) % capacity;
            var longSlot = (lookback - sums.Long + 1) % capacity;
            var previousClose = close[lookback - 1];
            for (var today = lookback; today < n; today++)
            {
                var (pressure, range) = Terms(high[today], low[today], close[today], previousClose);
                previousClose = close[today];
                pressures[slot] = pressure;
                ranges[slot] = range;
                output[today] = sums.Add(pressure, range);
                sums.RemoveShort(pressures[shortSlot], ranges[shortSlot]);
                sums.RemoveMedium(pressures[mediumSlot], ranges[mediumSlot]);
                sums.RemoveLong(pressures[longSlot], ranges[longSlot]);
                slot = Next(slot, capacity);
                shortSlot = Next(shortSlot, capacity);
                mediumSlot = Next(mediumSlot, capacity);
                longSlot = Next(longSlot, capacity);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next(int slot, int capacity) => slot + 1 == capacity ? 0 : slot + 1;

    /// <summary>One bar's buying pressure (close - min(low, previous close)) and true range, as TA-Lib's CALC_TERMS.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (double Pressure, double Range) Terms(double high, double low, double close, double previousClose)
    {
        var trueLow = low < previousClose ? low : previousClose;
        return (close - trueLow, TrueRange.Of(high, low, previousClose));
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ultosc",
        TaLibFunction = "ULTOSC",
        Group = IndicatorGroup.Momentum,
        Title = "Ultimate Oscillator",
        Description = "Buying pressure relative to true range averaged over three horizons and weighted 4:2:1 from short to long (Williams, 1985; TA-Lib ULTOSC).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters =
        [
            ParameterSpec.Period(7, min: 1, name: "period1", description: "First averaging window, in bars (TA-Lib sorts the three; the shortest weighs 4)."),
            ParameterSpec.Period(14, min: 1, name: "period2", description: "Second averaging window, in bars (the middle one weighs 2)."),
            ParameterSpec.Period(28, min: 1, name: "period3", description: "Third averaging window, in bars (the longest weighs 1)."),
        ],
        Outputs = [new OutputSpec("value", "The oscillator, 0..100.")],
        Lookback = p => Lookback((int)p[0], (int)p[1], (int)p[2]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, i.In2, (int)p[0], (int)p[1], (int)p[2], o.Out0),
        CreateStateUnchecked = p => new UltimateOscillatorState((int)p[0], (int)p[1], (int)p[2]),
    };

    /// <summary>The three running sums of pressure and range, primed and updated in TA-Lib's order.</summary>
    internal struct Sums
    {
        private double _pressureShort;
        private double _rangeShort;
        private double _pressureMedium;
        private double _rangeMedium;
        private double _pressureLong;
        private double _rangeLong;

        public Sums(int period1, int period2, int period3)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(period1, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(period2, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(period3, 1);
            Long = Math.Max(Math.Max(period1, period2), period3);
            Short = Math.Min(Math.Min(period1, period2), period3);
            Medium = period1 + period2 + period3 - Long - Short;
        }

        public int Short { get; }

        public int Medium { get; }

        public int Long { get; }

        /// <summary>Before the first output: bar <paramref name="day"/> joins each window that will contain it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Prime(long day, int lookback, double pressure, double range)
        {
            if (day > lookback - Short)
            {
                _pressureShort += pressure;
                _rangeShort += range;
            }

            if (day > lookback - Medium)
            {
                _pressureMedium += pressure;
                _rangeMedium += range;
            }

            if (day > lookback - Long)
            {
                _pressureLong += pressure;
                _rangeLong += range;
            }
        }

        /// <summary>Adds the newest bar to every window and returns the oscillator.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Add(double pressure, double range)
        {
            _pressureShort += pressure;
            _pressureMedium += pressure;
            _pressureLong += pressure;
            _rangeShort += range;
            _rangeMedium += range;
            _rangeLong += range;
            var output = 0.0;
            if (!TaLibEpsilon.IsZero(_rangeShort))
            {
                output += 4.0 * (_pressureShort / _rangeShort);
            }

            if (!TaLibEpsilon.IsZero(_rangeMedium))
            {
                output += 2.0 * (_pressureMedium / _rangeMedium);
            }

            if (!TaLibEpsilon.IsZero(_rangeLong))
            {
                output += _pressureLong / _rangeLong;
            }

            return 100.0 * (output / 7.0);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void RemoveShort(double pressure, double range)
        {
            _pressureShort -= pressure;
            _rangeShort -= range;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void RemoveMedium(double pressure, double range)
        {
            _pressureMedium -= pressure;
            _rangeMedium -= range;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void RemoveLong(double pressure, double range)
        {
            _pressureLong -= pressure;
            _rangeLong -= range;
        }
    }
}

/// <summary>Streaming ultimate oscillator with a ring of the last max(periods) terms; equals the batch kernel bit for bit.</summary>
public sealed class UltimateOscillatorState : IIndicatorState
{
    private readonly int _period1;
    private readonly int _period2;
    private readonly int _period3;
    private readonly double[] _pressure;
    private readonly double[] _range;
    private UltimateOscillator.Sums _sums;
    private double _previousClose;
    private long _bars;

    public UltimateOscillatorState(int period1, int period2, int period3)
    {
        _sums = new UltimateOscillator.Sums(period1, period2, period3);
        _period1 = period1;
        _period2 = period2;
        _period3 = period3;
        _pressure = new double[_sums.Long];
        _range = new double[_sums.Long];
    }

    public int WarmUpPeriod => _sums.Long + 1;

    public bool IsReady => _bars > _sums.Long;

    public double Update(double high, double low, double close)
    {
        var day = _bars++;
        var previousClose = _previousClose;
        _previousClose = close;
        if (day == 0)
        {
            return double.NaN;
        }

        var (pressure, range) = UltimateOscillator.Terms(high, low, close, previousClose);
        var capacity = _pressure.Length;
        var slot = (int)(day % capacity);
        _pressure[slot] = pressure;
        _range[slot] = range;
        var lookback = _sums.Long;
        if (day < lookback)
        {
            _sums.Prime(day, lookback, pressure, range);
            return double.NaN;
        }

        var output = _sums.Add(pressure, range);
        slot = (int)((day - _sums.Short + 1) % capacity);
        _sums.RemoveShort(_pressure[slot], _range[slot]);
        slot = (int)((day - _sums.Medium + 1) % capacity);
        _sums.RemoveMedium(_pressure[slot], _range[slot]);
        slot = (int)((day - _sums.Long + 1) % capacity);
        _sums.RemoveLong(_pressure[slot], _range[slot]);
        return output;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        _sums = new UltimateOscillator.Sums(_period1, _period2, _period3);
        Array.Clear(_pressure);
        Array.Clear(_range);
        _previousClose = 0;
        _bars = 0;
    }
}
