namespace Tradewind.Indicators.PriceTransform;

/// <summary>Weighted close price (TA-Lib WCLPRICE): (high + low + 2 x close) / 4 per bar. No warm-up.</summary>
public static class WclPrice
{
    public static int Lookback() => 0;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        for (var i = 0; i < high.Length; i++)
        {
            output[i] = Value(high[i], low[i], close[i]);
        }
    }

    public static double Value(double high, double low, double close) => (high + low + (close * 2.0)) / 4.0;

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "wclprice",
        Aliases = ["hlcc4"],
        TaLibFunction = "WCLPRICE",
        Group = IndicatorGroup.PriceTransform,
        Title = "Weighted Close Price",
        Description = "The bar's high, low and close averaged with the close counted twice (TA-Lib WCLPRICE; HLCC4).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Outputs = [new OutputSpec("value", "The weighted close price.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, o.Out0),
        CreateStateUnchecked = _ => new WclPriceState(),
    };
}

/// <summary>Streaming WCLPRICE.</summary>
public sealed class WclPriceState : IIndicatorState
{
    public int WarmUpPeriod => 1;

    public bool IsReady { get; private set; }

    public double Update(double high, double low, double close)
    {
        IsReady = true;
        return WclPrice.Value(high, low, close);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => IsReady = false;
}
