using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Donchian channel (Richard Donchian): highest high and lowest low of the last `period` bars, the current bar
/// included (as TradingView's), and their midpoint. First value at index period-1.
/// </summary>
public static class Donchian
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        int period,
        Span<double> upper,
        Span<double> middle,
        Span<double> lower)
    {
        var n = high.Length;
        var lookback = Lookback(period);
        var warmUp = Math.Min(lookback, n);
        upper[..warmUp].Fill(double.NaN);
        middle[..warmUp].Fill(double.NaN);
        lower[..warmUp].Fill(double.NaN);
        RollingExtreme.Compute<HighestSide>(high, period, RescanTies.Latest, upper);
        RollingExtreme.Compute<LowestSide>(low, period, RescanTies.Latest, lower);
        for (var i = lookback; i < n; i++)
        {
            middle[i] = (upper[i] + lower[i]) / 2;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "donchian",
        Aliases = ["dc", "donchian_channel"],
        Reference = "trading-signals 8.3.0 DonchianChannels",
        Group = IndicatorGroup.Crypto,
        Title = "Donchian Channel",
        Description = "Richard Donchian's breakout channel: the highest high and lowest low of the last `period` bars "
            + "(the current bar included, as TradingView's) and their midpoint.",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Parameters = [ParameterSpec.Period(20, min: 1)],
        Outputs =
        [
            new OutputSpec("upper", "Highest high of the window."),
            new OutputSpec("middle", "(upper + lower) / 2."),
            new OutputSpec("lower", "Lowest low of the window."),
        ],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, (int)p[0], o.Out0, o.Out1, o.Out2),
        CreateStateUnchecked = p => new DonchianState((int)p[0]),
    };
}

/// <summary>Streaming Donchian channel; equals <see cref="Donchian.Compute"/> bit for bit.</summary>
public sealed class DonchianState : IIndicatorState
{
    private readonly HighLowWindow _window;
    private readonly int _period;

    public DonchianState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _window = new HighLowWindow(period, RescanTies.Latest);
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _window.IsFull;

    public (double Upper, double Middle, double Lower) Update(double high, double low)
    {
        if (!_window.Add(high, low))
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var upper = _window.Highest;
        var lower = _window.Lowest;
        return (upper, (upper + lower) / 2, lower);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) =>
        (outputs[0], outputs[1], outputs[2]) = Update(inputs[0], inputs[1]);

    public void Reset() => _window.Reset();
}
