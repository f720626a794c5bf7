using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Balance of power (TA-Lib BOP): (close - open) / (high - low) for each bar, 0 when the range is zero or negative
/// (within TA-Lib's 1e-14). No warm-up.
/// </summary>
public static class BalanceOfPower
{
    public static int Lookback() => 0;

    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        var n = SeriesLength.Common(open, high, low, close, output);
        for (var i = 0; i < n; i++)
        {
            output[i] = Value(open[i], high[i], low[i], close[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Value(double open, double high, double low, double close)
    {
        var range = high - low;
        return TaLibEpsilon.IsZeroOrNegative(range) ? 0.0 : (close - open) / range;
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "bop",
        TaLibFunction = "BOP",
        Group = IndicatorGroup.Momentum,
        Title = "Balance Of Power",
        Description = "How much of the bar's range the close gained over the open: (close - open) / (high - low) (Livshin, 2001; TA-Lib BOP).",
        Inputs = [new InputSpec("open", InputKind.Open), new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Outputs = [new OutputSpec("value", "BOP, -1..1.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, i.In3, o.Out0),
        CreateStateUnchecked = _ => new BalanceOfPowerState(),
    };
}

/// <summary>Streaming balance of power; equals <see cref="BalanceOfPower.Compute"/> bit for bit.</summary>
public sealed class BalanceOfPowerState : IIndicatorState
{
    private bool _ready;

    public int WarmUpPeriod => 1;

    public bool IsReady => _ready;

    public double Update(double open, double high, double low, double close)
    {
        _ready = true;
        return BalanceOfPower.Value(open, high, low, close);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2], inputs[3]);

    public void Reset() => _ready = false;
}
