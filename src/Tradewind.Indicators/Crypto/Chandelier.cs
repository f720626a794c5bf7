using Tradewind.Indicators.Statistics;
using Tradewind.Indicators.Volatility;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Chandelier exit (Chuck LeBeau): a long stop at the highest high of `period` bars minus multiplier x ATR(period),
/// a short stop at the lowest low plus multiplier x ATR(period), with TA-Lib's Wilder ATR. First value at index
/// `period`, the ATR's first bar.
/// </summary>
public static class Chandelier
{
    public static int Lookback(int period) => Atr.Lookback(period);

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        double multiplier,
        Span<double> longStop,
        Span<double> shortStop)
    {
        var n = close.Length;
        var lookback = Lookback(period);
        RollingExtreme.Compute<HighestSide>(high, period, RescanTies.Latest, longStop);
        RollingExtreme.Compute<LowestSide>(low, period, RescanTies.Latest, shortStop);
        var atr = new AtrSmoothing(period);
        for (var i = 0; i < n; i++)
        {
            var range = atr.Next(high[i], low[i], close[i]);
            if (i < lookback)
            {
                longStop[i] = double.NaN;
                shortStop[i] = double.NaN;
                continue;
            }

            var offset = range * multiplier;
            longStop[i] -= offset;
            shortStop[i] += offset;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "chandelier",
        Aliases = ["chandelier_exit"],
        Reference = "technicalindicators 3.1.0 ChandelierExit",
        Group = IndicatorGroup.Crypto,
        Title = "Chandelier Exit",
        Description = "Chuck LeBeau's volatility trailing stops: `long` = highest high of `period` bars - multiplier x "
            + "ATR(period), `short` = lowest low of `period` bars + multiplier x ATR(period), with TA-Lib's Wilder ATR.",
        Inputs =
        [
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
        ],
        Parameters =
        [
            ParameterSpec.Period(22, min: 1, description: "Lookback of the highest high / lowest low and of the ATR."),
            ParameterSpec.Real("multiplier", 3, 0, 100, "Stop distance in ATRs."),
        ],
        Outputs =
        [
            new OutputSpec("long", "Stop for long positions: highest high - multiplier x ATR."),
            new OutputSpec("short", "Stop for short positions: lowest low + multiplier x ATR."),
        ],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, i.In2, (int)p[0], p[1], o.Out0, o.Out1),
        CreateStateUnchecked = p => new ChandelierState((int)p[0], p[1]),
    };
}

/// <summary>Streaming chandelier exit; equals <see cref="Chandelier.Compute"/> bit for bit.</summary>
public sealed class ChandelierState : IIndicatorState
{
    private readonly HighLowWindow _window;
    private readonly int _period;
    private readonly double _multiplier;
    private AtrSmoothing _atr;

    public ChandelierState(int period, double multiplier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _multiplier = multiplier;
        _window = new HighLowWindow(period, RescanTies.Latest);
        _atr = new AtrSmoothing(period);
    }

    public int WarmUpPeriod => Chandelier.Lookback(_period) + 1;

    public bool IsReady { get; private set; }

    public (double Long, double Short) Update(double high, double low, double close)
    {
        _window.Add(high, low);
        var range = _atr.Next(high, low, close);
        if (double.IsNaN(range))
        {
            return (double.NaN, double.NaN);
        }

        IsReady = true;
        var offset = range * _multiplier;
        return (_window.Highest - offset, _window.Lowest + offset);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) =>
        (outputs[0], outputs[1]) = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        _window.Reset();
        _atr = new AtrSmoothing(_period);
        IsReady = false;
    }
}
