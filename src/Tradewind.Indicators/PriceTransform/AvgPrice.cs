using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tradewind.Indicators.PriceTransform;

/// <summary>Average price (TA-Lib AVGPRICE): (open + high + low + close) / 4 per bar. No warm-up.</summary>
public static class AvgPrice
{
    public static int Lookback() => 0;

    /// <summary>Batch form; four bars per step where the CPU has 256-bit vectors (the same IEEE operations lane by lane).</summary>
    public static void Compute(ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        var n = open.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Lengths checked once so the loop can load without per-vector bounds checks.
            if (high.Length < n || low.Length < n || close.Length < n || output.Length < n)
            {
                throw new ArgumentException("Every input and the output must be at least as long as open.", nameof(output));
            }

            ref var o = ref MemoryMarshal.GetReference(open);
            ref var h = ref MemoryMarshal.GetReference(high);
            ref var l = ref MemoryMarshal.GetReference(low);
            ref var c = ref MemoryMarshal.GetReference(close);
            ref var result = ref MemoryMarshal.GetReference(output);
            var divisor = Vector256.Create(4.0);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var sum = Vector256.LoadUnsafe(ref h, (nuint)i) + Vector256.LoadUnsafe(ref l, (nuint)i) + Vector256.LoadUnsafe(ref c, (nuint)i) + Vector256.LoadUnsafe(ref o, (nuint)i);
                (sum / divisor).StoreUnsafe(ref result, (nuint)i);
            }
        }

        for (; i < n; i++)
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
