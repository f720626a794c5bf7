using System.Runtime.CompilerServices;
using Tradewind.Indicators.Momentum;

namespace Tradewind.Indicators.Volume;

/// <summary>
/// Chaikin accumulation/distribution line (TA-Lib AD): the running sum of volume x close location value,
/// ((close - low) - (high - close)) / (high - low). Bars with no range add nothing. No warm-up.
/// </summary>
public static class AccumulationDistribution
{
    public static int Lookback() => 0;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, ReadOnlySpan<double> volume, Span<double> output)
    {
        var n = SeriesLength.Common(high, low, close, volume, output);
        var ad = 0.0;
        for (var i = 0; i < n; i++)
        {
            ad = Add(ad, high[i], low[i], close[i], volume[i]);
            output[i] = ad;
        }
    }

    /// <summary>One step of the line, in TA-Lib's operation order (shared with ADOSC).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Add(double ad, double high, double low, double close, double volume)
    {
        var range = high - low;
        return range > 0.0 ? ad + ((((close - low) - (high - close)) / range) * volume) : ad;
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ad",
        TaLibFunction = "AD",
        Group = IndicatorGroup.Volume,
        Title = "Chaikin A/D Line",
        Description = "Cumulative volume weighted by where each close sits in its bar's range, +1 at the high and -1 at the low (Marc Chaikin; TA-Lib AD).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close), new InputSpec("volume", InputKind.Volume)],
        Outputs = [new OutputSpec("value", "The A/D line, in volume units, from 0 at the first bar's start.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, i.In3, o.Out0),
        CreateStateUnchecked = _ => new AccumulationDistributionState(),
    };
}

/// <summary>Streaming A/D line; equals <see cref="AccumulationDistribution.Compute"/> bit for bit.</summary>
public sealed class AccumulationDistributionState : IIndicatorState
{
    private double _ad;
    private bool _ready;

    public int WarmUpPeriod => 1;

    public bool IsReady => _ready;

    public double Update(double high, double low, double close, double volume)
    {
        _ready = true;
        _ad = AccumulationDistribution.Add(_ad, high, low, close, volume);
        return _ad;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2], inputs[3]);

    public void Reset()
    {
        _ad = 0;
        _ready = false;
    }
}
