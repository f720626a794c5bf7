namespace Tradewind.Indicators.PriceTransform;

/// <summary>Median price (TA-Lib MEDPRICE): (high + low) / 2 per bar. No warm-up.</summary>
public static class MedPrice
{
    public static int Lookback() => 0;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, Span<double> output)
    {
        for (var i = 0; i < high.Length; i++)
        {
            output[i] = Value(high[i], low[i]);
        }
    }

    public static double Value(double high, double low) => (high + low) / 2.0;

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "medprice",
        Aliases = ["hl2"],
        TaLibFunction = "MEDPRICE",
        Group = IndicatorGroup.PriceTransform,
        Title = "Median Price",
        Description = "Midpoint of the bar's high and low (TA-Lib MEDPRICE; HL2).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Outputs = [new OutputSpec("value", "The median price.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, o.Out0),
        CreateStateUnchecked = _ => new MedPriceState(),
    };
}

/// <summary>Streaming MEDPRICE.</summary>
public sealed class MedPriceState : IIndicatorState
{
    public int WarmUpPeriod => 1;

    public bool IsReady { get; private set; }

    public double Update(double high, double low)
    {
        IsReady = true;
        return MedPrice.Value(high, low);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset() => IsReady = false;
}
