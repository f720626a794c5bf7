using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Tradewind.Indicators.Momentum;

namespace Tradewind.Indicators.Volume;

/// <summary>
/// On-balance volume (TA-Lib OBV): starts at the first bar's volume, then adds the volume of each bar whose source
/// rose and subtracts it where the source fell. No warm-up.
/// </summary>
public static class Obv
{
    public static int Lookback() => 0;

    public static void Compute(ReadOnlySpan<double> source, ReadOnlySpan<double> volume, Span<double> output)
    {
        var n = SeriesLength.Common(source, volume, output);
        if (n == 0)
        {
            return;
        }

        var obv = volume[0];
        var previous = source[0];
        for (var i = 0; i < n; i++)
        {
            obv = Step(obv, previous, source[i], volume[i]);
            previous = source[i];
            output[i] = obv;
        }
    }

    /// <summary>
    /// TA-Lib's step without a branch (up and down bars alternate unpredictably): compare masks pick +volume,
    /// -volume or +0.0, and obv + -v, obv + +0.0 equal TA-Lib's obv - v and unchanged obv. A NaN volume on an
    /// unchanged bar is masked out, as TA-Lib skips it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Step(double obv, double previous, double value, double volume)
    {
        var v = Vector128.CreateScalarUnsafe(volume);
        var x = Vector128.CreateScalarUnsafe(value);
        var p = Vector128.CreateScalarUnsafe(previous);
        var delta = (Vector128.GreaterThan(x, p) & v) | (Vector128.LessThan(x, p) & -v);
        return obv + delta.ToScalar();
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "obv",
        TaLibFunction = "OBV",
        Group = IndicatorGroup.Volume,
        Title = "On Balance Volume",
        Description = "Running total of volume, added on up bars and subtracted on down bars of the source (Granville, 1963; TA-Lib OBV).",
        Inputs = [new InputSpec("source", InputKind.Real), new InputSpec("volume", InputKind.Volume)],
        Outputs = [new OutputSpec("value", "OBV, in volume units, starting at the first bar's volume.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, o.Out0),
        CreateStateUnchecked = _ => new ObvState(),
    };
}

/// <summary>Streaming OBV; equals <see cref="Obv.Compute"/> bit for bit.</summary>
public sealed class ObvState : IIndicatorState
{
    private double _obv;
    private double _previous;
    private bool _ready;

    public int WarmUpPeriod => 1;

    public bool IsReady => _ready;

    public double Update(double source, double volume)
    {
        if (!_ready)
        {
            _obv = volume;
            _previous = source;
            _ready = true;
        }

        _obv = Obv.Step(_obv, _previous, source, volume);
        _previous = source;
        return _obv;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset()
    {
        _obv = 0;
        _previous = 0;
        _ready = false;
    }
}
