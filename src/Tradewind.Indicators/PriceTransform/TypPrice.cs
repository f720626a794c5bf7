using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tradewind.Indicators.PriceTransform;

/// <summary>Typical price (TA-Lib TYPPRICE): (high + low + close) / 3 per bar. No warm-up.</summary>
public static class TypPrice
{
    public static int Lookback() => 0;

    /// <summary>Batch form; four bars per step where the CPU has 256-bit vectors (the same IEEE operations lane by lane).</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        var n = high.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Lengths checked once so the loop can load without per-vector bounds checks.
            if (low.Length < n || close.Length < n || output.Length < n)
            {
                throw new ArgumentException("Every input and the output must be at least as long as high.", nameof(output));
            }

            ref var h = ref MemoryMarshal.GetReference(high);
            ref var l = ref MemoryMarshal.GetReference(low);
            ref var c = ref MemoryMarshal.GetReference(close);
            ref var result = ref MemoryMarshal.GetReference(output);
            var divisor = Vector256.Create(3.0);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                ((Vector256.LoadUnsafe(ref h, (nuint)i) + Vector256.LoadUnsafe(ref l, (nuint)i) + Vector256.LoadUnsafe(ref c, (nuint)i)) / divisor).StoreUnsafe(ref result, (nuint)i);
            }
        }

        for (; i < n; i++)
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
