namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Double exponential moving average (TA-Lib DEMA, Patrick Mulloy 1994): 2 x EMA - EMA(EMA), every EMA seeded with
/// an SMA. First value at index 2 x (period-1).
/// </summary>
public static class Dema
{
    public static int Lookback(int period) => 2 * Ema.Lookback(period);

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var e1 = new EmaStage(period);
        var e2 = new EmaStage(period);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = e1.Push(input[i]) && e2.Push(e1.Value) ? (2.0 * e1.Value) - e2.Value : double.NaN;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "dema",
        TaLibFunction = "DEMA",
        Group = IndicatorGroup.Overlap,
        Title = "Double Exponential Moving Average",
        Description = "2 x EMA(source) - EMA(EMA(source)), a lower-lag average (Patrick Mulloy, Stocks & Commodities 1994; TA-Lib DEMA).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new DemaState((int)p[0]),
    };
}

/// <summary>Streaming DEMA; equals <see cref="Dema.Compute"/> bit for bit.</summary>
public sealed class DemaState : IIndicatorState, IMovingAverageState
{
    private readonly int _period;
    private EmaStage _e1;
    private EmaStage _e2;

    public DemaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _e1 = new EmaStage(period);
        _e2 = new EmaStage(period);
    }

    public int WarmUpPeriod => Dema.Lookback(_period) + 1;

    public bool IsReady => _e2.IsReady;

    public double Update(double value) =>
        _e1.Push(value) && _e2.Push(_e1.Value) ? (2.0 * _e1.Value) - _e2.Value : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _e1.Reset();
        _e2.Reset();
    }
}
