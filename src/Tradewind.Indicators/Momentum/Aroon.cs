using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Aroon (TA-Lib AROON): how recently the window of period + 1 bars made its high and its low, as 100 x (period -
/// bars since) / period. First value at index period. On ties the latest bar counts, as in TA-Lib. Outputs in
/// TA-Lib's order: down, then up.
/// </summary>
public static class Aroon
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> down, Span<double> up)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        var n = SeriesLength.Common(high, low, down, up);

        var lookback = Lookback(period);
        if (n <= lookback)
        {
            down[..n].Fill(double.NaN);
            up[..n].Fill(double.NaN);
            return;
        }

        down[..lookback].Fill(double.NaN);
        up[..lookback].Fill(double.NaN);
        var factor = 100.0 / period;
        var highest = new RollingExtreme<HighestSide>(RescanTies.Latest);
        var lowest = new RollingExtreme<LowestSide>(RescanTies.Latest);
        for (var today = lookback; today < n; today++)
        {
            highest.Next(high.Slice(today - period, period + 1), today);
            lowest.Next(low.Slice(today - period, period + 1), today);
            up[today] = factor * (period - (today - highest.Index));
            down[today] = factor * (period - (today - lowest.Index));
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "aroon",
        TaLibFunction = "AROON",
        Group = IndicatorGroup.Momentum,
        Title = "Aroon",
        Description = "Bars since the highest high (up) and lowest low (down) of the last period + 1 bars, scaled to 0..100 (Chande, 1995; TA-Lib AROON).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("down", "Aroon down, 0..100: 100 when the lowest low is on this bar."), new OutputSpec("up", "Aroon up, 0..100: 100 when the highest high is on this bar.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, (int)p[0], o.Out0, o.Out1),
        CreateStateUnchecked = p => new AroonState((int)p[0]),
    };
}

/// <summary>Streaming Aroon; equals <see cref="Aroon.Compute"/> bit for bit.</summary>
public sealed class AroonState : IIndicatorState
{
    private readonly int _period;
    private readonly double _factor;
    private readonly HighLowWindow _window;

    public AroonState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _factor = 100.0 / period;
        _window = new HighLowWindow(period + 1, RescanTies.Latest);
    }

    public int WarmUpPeriod => _period + 1;

    public bool IsReady => _window.IsFull;

    /// <summary>Consumes a bar; returns (down, up), NaN while warming up.</summary>
    public (double Down, double Up) Update(double high, double low)
    {
        if (!_window.Add(high, low))
        {
            return (double.NaN, double.NaN);
        }

        var today = _window.Today;
        return (_factor * (_period - (today - _window.LowestIndex)), _factor * (_period - (today - _window.HighestIndex)));
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => (outputs[0], outputs[1]) = Update(inputs[0], inputs[1]);

    public void Reset() => _window.Reset();
}
