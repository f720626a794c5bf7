using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Aroon oscillator (TA-Lib AROONOSC): Aroon up minus Aroon down, computed as TA-Lib does from the two bar indices,
/// 100 / period x (index of the high - index of the low). First value at index period.
/// </summary>
public static class AroonOscillator
{
    public static int Lookback(int period) => period;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        var n = SeriesLength.Common(high, low, output);
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var factor = 100.0 / period;
        var highest = new RollingExtreme<HighestSide>(RescanTies.Latest);
        var lowest = new RollingExtreme<LowestSide>(RescanTies.Latest);
        for (var today = lookback; today < n; today++)
        {
            highest.Next(high.Slice(today - period, period + 1), today);
            lowest.Next(low.Slice(today - period, period + 1), today);
            output[today] = factor * (highest.Index - lowest.Index);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "aroonosc",
        TaLibFunction = "AROONOSC",
        Group = IndicatorGroup.Momentum,
        Title = "Aroon Oscillator",
        Description = "Aroon up minus Aroon down: positive when the window's high is more recent than its low (Chande, 1995; TA-Lib AROONOSC).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "The oscillator, -100..100.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new AroonOscillatorState((int)p[0]),
    };
}

/// <summary>Streaming Aroon oscillator; equals <see cref="AroonOscillator.Compute"/> bit for bit.</summary>
public sealed class AroonOscillatorState : IIndicatorState
{
    private readonly int _period;
    private readonly double _factor;
    private readonly HighLowWindow _window;

    public AroonOscillatorState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _factor = 100.0 / period;
        _window = new HighLowWindow(period + 1, RescanTies.Latest);
    }

    public int WarmUpPeriod => _period + 1;

    public bool IsReady => _window.IsFull;

    public double Update(double high, double low) =>
        _window.Add(high, low) ? _factor * (_window.HighestIndex - _window.LowestIndex) : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset() => _window.Reset();
}
