using System.Runtime.CompilerServices;
using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Williams' %R (TA-Lib WILLR): where the close sits in the range of the last `period` bars, from 0 (at the high) to
/// -100 (at the low). First value at index period-1; 0 when the range is flat, as in TA-Lib.
/// </summary>
public static class WilliamsR
{
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
        var highest = new RollingExtreme<HighestSide>(RescanTies.Earliest);
        var lowest = new RollingExtreme<LowestSide>(RescanTies.Earliest);
        for (var today = lookback; today < n; today++)
        {
            var h = highest.Next(high.Slice(today - lookback, period), today);
            var l = lowest.Next(low.Slice(today - lookback, period), today);
            output[today] = Value(h, l, close[today]);
        }
    }

    /// <summary>
    /// TA-Lib's arithmetic: (highest - close) / ((highest - lowest) / -100), 0 for a flat range. TA-Lib divides for the
    /// divisor only when an extreme changes; dividing every bar gives the same bits and avoids an unpredictable branch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Value(double highest, double lowest, double close)
    {
        var diff = (highest - lowest) / -100.0;
        return diff != 0.0 ? (highest - close) / diff : 0.0;
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "willr",
        Aliases = ["williams_r"],
        TaLibFunction = "WILLR",
        Group = IndicatorGroup.Momentum,
        Title = "Williams' %R",
        Description = "Position of the close within the highest-high/lowest-low range of the last `period` bars, 0 at the high and -100 at the low (Larry Williams; TA-Lib WILLR).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "%R, -100..0.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new WilliamsRState((int)p[0]),
    };
}

/// <summary>Streaming Williams' %R; equals <see cref="WilliamsR.Compute"/> bit for bit.</summary>
public sealed class WilliamsRState : IIndicatorState
{
    private readonly int _period;
    private readonly HighLowWindow _window;

    public WilliamsRState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _window = new HighLowWindow(period, RescanTies.Earliest);
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _window.IsFull;

    public double Update(double high, double low, double close) =>
        _window.Add(high, low) ? WilliamsR.Value(_window.Highest, _window.Lowest, close) : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => _window.Reset();
}
