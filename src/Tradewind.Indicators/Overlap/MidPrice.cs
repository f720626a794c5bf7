using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Overlap;

/// <summary>Midpoint of the highest high and lowest low over the last `period` bars (TA-Lib MIDPRICE). First value at index period-1.</summary>
public static class MidPrice
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        var lookback = Lookback(period);
        var n = high.Length;
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
            var start = today - lookback;
            output[today] = (highest.Next(high.Slice(start, period), today) + lowest.Next(low.Slice(start, period), today)) / 2.0;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "midprice",
        TaLibFunction = "MIDPRICE",
        Group = IndicatorGroup.Overlap,
        Title = "Midpoint Price over Period",
        Description = "(highest high + lowest low) / 2 over the last `period` bars (TA-Lib MIDPRICE).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "The midpoint price.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MidPriceState((int)p[0]),
    };
}

/// <summary>Streaming MIDPRICE; equals <see cref="MidPrice.Compute"/> bit for bit.</summary>
public sealed class MidPriceState : IIndicatorState
{
    private readonly SlidingWindow _highs;
    private readonly SlidingWindow _lows;
    private RollingExtreme<HighestSide> _highest = new(RescanTies.Earliest);
    private RollingExtreme<LowestSide> _lowest = new(RescanTies.Earliest);

    public MidPriceState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _highs = new SlidingWindow(period);
        _lows = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _highs.Capacity;

    public bool IsReady => _highs.IsFull;

    public double Update(double high, double low)
    {
        _highs.Add(high);
        _lows.Add(low);
        return _highs.IsFull ? (_highest.Next(_highs) + _lowest.Next(_lows)) / 2.0 : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset()
    {
        _highs.Clear();
        _lows.Clear();
        _highest.Reset();
        _lowest.Reset();
    }
}
