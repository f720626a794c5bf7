namespace Tradewind.Indicators.PriceTransform;

/// <summary>Typical price (TA-Lib TYPPRICE): (high + low + close) / 3 per bar. No warm-up.</summary>
public static class TypPrice
{
    public static int Lookback() => 0;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        for (var i = 0; i < high.Length; i++)
        {
            output[i] = Value(high[i], low[i], close[i]);
        }
    }

    public static double Value(double high, double low, double close) => (high + low + close) / 3.0;

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "typprice",
        Aliases = ["hlc3", "typical_price"],
        TaLibFunction = "TYPPRICE",
        Group = IndicatorGroup.PriceTransform,
        Title = "Typical Price",
        Description = "Mean of the bar's high, low and close (TA-Lib TYPPRICE; HLC3).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Outputs = [new OutputSpec("value", "The typical price.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, o.Out0),
        CreateStateUnchecked = _ => new TypPriceState(),
    };
}

/// <summary>Streaming TYPPRICE.</summary>
public sealed class TypPriceState : IIndicatorState
{
    public int WarmUpPeriod => 1;

    public bool IsReady { get; private set; }

    public double Update(double high, double low, double close)
    {
        IsReady = true;
        return TypPrice.Value(high, low, close);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => IsReady = false;
}
