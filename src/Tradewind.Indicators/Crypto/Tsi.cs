using System.Buffers;
using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// True strength index (William Blau): 100 x EMA(EMA(momentum, long), short) / EMA(EMA(|momentum|, long), short),
/// momentum = source - previous source, each EMA seeded by an SMA (TA-Lib, TradingView). First value at index
/// long + short - 1.
/// </summary>
public static class Tsi
{
    public static int Lookback(int longPeriod, int shortPeriod) => 1 + Ema.Lookback(longPeriod) + Ema.Lookback(shortPeriod);

    public static void Compute(ReadOnlySpan<double> input, int longPeriod, int shortPeriod, Span<double> output)
    {
        var n = input.Length;
        var lookback = Lookback(longPeriod, shortPeriod);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        var m = n - 1;
        var rented = ArrayPool<double>.Shared.Rent(4 * m);
        try
        {
            var momentum = rented.AsSpan(0, m);
            var absolute = rented.AsSpan(m, m);
            var smoothed = rented.AsSpan(2 * m, m);
            var smoothedAbsolute = rented.AsSpan(3 * m, m);
            for (var i = 0; i < m; i++)
            {
                var change = input[i + 1] - input[i];
                momentum[i] = change;
                absolute[i] = Math.Abs(change);
            }

            // Each EMA runs on the series from its first value on, as the DSL composes them.
            var first = Ema.Lookback(longPeriod);
            Ema.Compute(momentum, longPeriod, smoothed);
            Ema.Compute(absolute, longPeriod, smoothedAbsolute);
            Ema.Compute(smoothed[first..], shortPeriod, momentum[first..]);
            Ema.Compute(smoothedAbsolute[first..], shortPeriod, absolute[first..]);
            output[..lookback].Fill(double.NaN);
            for (var i = lookback; i < n; i++)
            {
                output[i] = Ratio(momentum[i - 1], absolute[i - 1]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>100 x the double-smoothed momentum over the double-smoothed absolute momentum; NaN when flat.</summary>
    internal static double Ratio(double smoothed, double smoothedAbsolute) =>
        smoothedAbsolute != 0 ? 100 * smoothed / smoothedAbsolute : double.NaN;

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "tsi",
        Aliases = ["true_strength_index"],
        Reference = "TA-Lib EMA (talib@1.1.6) chained as Blau defines the TSI; trading-signals 8.3.0 TSI after its seeds have decayed",
        Group = IndicatorGroup.Crypto,
        Title = "True Strength Index",
        Description = "William Blau's double-smoothed momentum, -100..100: 100 x EMA(EMA(change, long_period), short_period) / "
            + "EMA(EMA(|change|, long_period), short_period), SMA-seeded EMAs, as TradingView's TSI. Its usual signal line is "
            + "`ema(tsi(close), 13)`. A source flat for the whole smoothing gives `na`.",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(25, name: "long_period", description: "First smoothing of the momentum."),
            ParameterSpec.Period(13, name: "short_period", description: "Second smoothing."),
        ],
        Outputs = [new OutputSpec("value", "The index, -100..100.")],
        Lookback = p => Lookback((int)p[0], (int)p[1]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], (int)p[1], o.Out0),
        CreateStateUnchecked = p => new TsiState((int)p[0], (int)p[1]),
    };
}

/// <summary>Streaming TSI; equals <see cref="Tsi.Compute"/> bit for bit.</summary>
public sealed class TsiState : IIndicatorState
{
    private readonly EmaState _long;
    private readonly EmaState _longAbsolute;
    private readonly EmaState _short;
    private readonly EmaState _shortAbsolute;
    private readonly int _lookback;
    private double _previous;
    private bool _started;

    public TsiState(int longPeriod, int shortPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(longPeriod, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(shortPeriod, 2);
        _long = new EmaState(longPeriod);
        _longAbsolute = new EmaState(longPeriod);
        _short = new EmaState(shortPeriod);
        _shortAbsolute = new EmaState(shortPeriod);
        _lookback = Tsi.Lookback(longPeriod, shortPeriod);
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _short.IsReady;

    public double Update(double value)
    {
        if (!_started)
        {
            _started = true;
            _previous = value;
            return double.NaN;
        }

        var change = value - _previous;
        _previous = value;
        var smoothed = _long.Update(change);
        var smoothedAbsolute = _longAbsolute.Update(Math.Abs(change));
        if (!_long.IsReady)
        {
            return double.NaN;
        }

        var twice = _short.Update(smoothed);
        var twiceAbsolute = _shortAbsolute.Update(smoothedAbsolute);
        return _short.IsReady ? Tsi.Ratio(twice, twiceAbsolute) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _long.Reset();
        _longAbsolute.Reset();
        _short.Reset();
        _shortAbsolute.Reset();
        _previous = 0;
        _started = false;
    }
}
