namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Triple exponential moving average (TA-Lib TEMA, Patrick Mulloy 1994): 3 x EMA - 3 x EMA2 + EMA3, every EMA seeded
/// with an SMA. First value at index 3 x (period-1).
/// </summary>
public static class Tema
{
    public static int Lookback(int period) => 3 * Ema.Lookback(period);

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var e1 = new EmaStage(period);
        var e2 = new EmaStage(period);
        var e3 = new EmaStage(period);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = e1.Push(input[i]) && e2.Push(e1.Value) && e3.Push(e2.Value) ? Combine(e1.Value, e2.Value, e3.Value) : double.NaN;
        }
    }

    /// <summary>TA-Lib adds (3 x EMA1 - 3 x EMA2) to EMA3, in that order.</summary>
    internal static double Combine(double e1, double e2, double e3) => e3 + ((3.0 * e1) - (3.0 * e2));

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "tema",
        TaLibFunction = "TEMA",
        Group = IndicatorGroup.Overlap,
        Title = "Triple Exponential Moving Average",
        Description = "3 x EMA - 3 x EMA(EMA) + EMA(EMA(EMA)), a lower-lag average (Patrick Mulloy, Stocks & Commodities 1994; TA-Lib TEMA).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new TemaState((int)p[0]),
    };
}

/// <summary>Streaming TEMA; equals <see cref="Tema.Compute"/> bit for bit.</summary>
public sealed class TemaState : IIndicatorState, IMovingAverageState
{
    private readonly int _period;
    private EmaStage _e1;
    private EmaStage _e2;
    private EmaStage _e3;

    public TemaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _e1 = new EmaStage(period);
        _e2 = new EmaStage(period);
        _e3 = new EmaStage(period);
    }

    public int WarmUpPeriod => Tema.Lookback(_period) + 1;

    public bool IsReady => _e3.IsReady;

    public double Update(double value) =>
        _e1.Push(value) && _e2.Push(_e1.Value) && _e3.Push(_e2.Value) ? Tema.Combine(_e1.Value, _e2.Value, _e3.Value) : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _e1.Reset();
        _e2.Reset();
        _e3.Reset();
    }
}
