namespace Tradewind.Indicators.PriceTransform;

/// <summary>Average price (TA-Lib AVGPRICE): (open + high + low + close) / 4 per bar. No warm-up.</summary>
public static class AvgPrice
{
    public static int Lookback() => 0;

    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        for (var i = 0; i < open.Length; i++)
        {
            output[i] = Value(open[i], high[i], low[i], close[i]);
        }
    }

    /// <summary>TA-Lib's summation order: high + low + close + open.</summary>
    public static double Value(double open, double high, double low, double close) => (high + low + close + open) / 4;

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "avgprice",
        Aliases = ["ohlc4"],
        TaLibFunction = "AVGPRICE",
        Group = IndicatorGroup.PriceTransform,
        Title = "Average Price",
        Description = "Mean of the bar's open, high, low and close (TA-Lib AVGPRICE; OHLC4).",
        Inputs = [new InputSpec("open", InputKind.Open), new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Outputs = [new OutputSpec("value", "The average price.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, i.In3, o.Out0),
        CreateStateUnchecked = _ => new AvgPriceState(),
    };
}

/// <summary>Streaming AVGPRICE.</summary>
public sealed class AvgPriceState : IIndicatorState
{
    public int WarmUpPeriod => 1;

    public bool IsReady { get; private set; }

    public double Update(double open, double high, double low, double close)
    {
        IsReady = true;
        return AvgPrice.Value(open, high, low, close);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2], inputs[3]);

    public void Reset() => IsReady = false;
}
