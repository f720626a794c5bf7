namespace Tradewind.Indicators.Statistics;

/// <summary>
/// Population standard deviation over the last `period` bars, times `nbdev` (TA-Lib STDDEV). A variance below
/// 1e-14 gives 0, as in TA-Lib. First value at index period-1.
/// </summary>
public static class StdDev
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> input, int period, double nbDev, Span<double> output)
    {
        Var.Compute(input, period, output);
        for (var i = Lookback(period); i < input.Length; i++)
        {
            output[i] = FromVariance(output[i], nbDev);
        }
    }

    /// <summary>TA-Lib's guard: a variance that is zero, negative or below 1e-14 (rounding) gives 0.</summary>
    internal static double FromVariance(double variance, double nbDev) =>
        TaMath.IsZeroOrNegative(variance) ? 0.0 : Math.Sqrt(variance) * nbDev;

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "stddev",
        Aliases = ["stdev"],
        TaLibFunction = "STDDEV",
        Group = IndicatorGroup.Statistics,
        Title = "Standard Deviation",
        Description = "Population standard deviation (divides by `period`) of the source over the last `period` bars, times `nbdev` (TA-Lib STDDEV).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(5),
            ParameterSpec.Real("nbdev", 1, -Var.RealMax, Var.RealMax, "Multiplier applied to the deviation."),
        ],
        Outputs = [new OutputSpec("value", "The standard deviation times nbdev.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], p[1], o.Out0),
        CreateStateUnchecked = p => new StdDevState((int)p[0], p[1]),
    };
}

/// <summary>Streaming STDDEV; equals <see cref="StdDev.Compute"/> bit for bit.</summary>
public sealed class StdDevState : IIndicatorState
{
    private readonly VarState _variance;
    private readonly double _nbDev;

    public StdDevState(int period, double nbDev)
    {
        _variance = new VarState(period);
        _nbDev = nbDev;
    }

    public int WarmUpPeriod => _variance.WarmUpPeriod;

    public bool IsReady => _variance.IsReady;

    public double Update(double value)
    {
        var variance = _variance.Update(value);
        return _variance.IsReady ? StdDev.FromVariance(variance, _nbDev) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset() => _variance.Reset();
}
