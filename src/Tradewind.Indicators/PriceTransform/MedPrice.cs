using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tradewind.Indicators.PriceTransform;

/// <summary>Median price (TA-Lib MEDPRICE): (high + low) / 2 per bar. No warm-up.</summary>
public static class MedPrice
{
    public static int Lookback() => 0;

    /// <summary>Batch form; four bars per step where the CPU has 256-bit vectors (the same IEEE operations lane by lane).</summary>
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, Span<double> output)
    {
        var n = high.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Lengths checked once so the loop can load without per-vector bounds checks.
            if (low.Length < n || output.Length < n)
            {
                throw new ArgumentException("Every input and the output must be at least as long as high.", nameof(output));
            }

            ref var h = ref MemoryMarshal.GetReference(high);
            ref var l = ref MemoryMarshal.GetReference(low);
            ref var result = ref MemoryMarshal.GetReference(output);
            var divisor = Vector256.Create(2.0);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                ((Vector256.LoadUnsafe(ref h, (nuint)i) + Vector256.LoadUnsafe(ref l, (nuint)i)) / divisor).StoreUnsafe(ref result, (nuint)i);
            }
        }

        for (; i < n; i++)
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
