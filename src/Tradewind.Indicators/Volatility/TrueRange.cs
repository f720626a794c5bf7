using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Tradewind.Indicators.Momentum;

namespace Tradewind.Indicators.Volatility;

/// <summary>
/// True range (TA-Lib TRANGE): the greatest of high - low, |high - previous close| and |low - previous close|.
/// It needs the previous close, so the first value is at index 1.
/// </summary>
public static class TrueRange
{
    public static int Lookback() => 1;

    /// <summary>
    /// One bar's true range, compared in TA-Lib's order (start from high - low, then replace it only when strictly
    /// greater), which ATR, NATR, ULTOSC and the directional-movement family all share.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Of(double high, double low, double previousClose)
    {
        var greatest = high - low;
        var fromHigh = Math.Abs(previousClose - high);
        var fromLow = Math.Abs(previousClose - low);
        if (Sse2.IsSupported)
        {
            // MAXSD(a, b) is exactly "a > b ? a : b", TA-Lib's comparison, NaN and signed zeros included.
            var g = Sse2.MaxScalar(Vector128.CreateScalarUnsafe(fromHigh), Vector128.CreateScalarUnsafe(greatest));
            return Sse2.MaxScalar(Vector128.CreateScalarUnsafe(fromLow), g).ToScalar();
        }

        if (fromHigh > greatest)
        {
            greatest = fromHigh;
        }

        if (fromLow > greatest)
        {
            greatest = fromLow;
        }

        return greatest;
    }

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> output)
    {
        var n = SeriesLength.Common(high, low, close, output);
        if (n == 0)
        {
            return;
        }

        output[0] = double.NaN;
        var previousClose = close[0];
        for (var i = 1; i < n; i++)
        {
            output[i] = Of(high[i], low[i], previousClose);
            previousClose = close[i];
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "trange",
        Aliases = ["tr"],
        TaLibFunction = "TRANGE",
        Group = IndicatorGroup.Volatility,
        Title = "True Range",
        Description = "The bar's range extended to the previous close: max(high - low, |high - prev close|, |low - prev close|) (Wilder, 1978; TA-Lib TRANGE).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Outputs = [new OutputSpec("value", "The true range, in price units.")],
        Lookback = _ => Lookback(),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, o.Out0),
        CreateStateUnchecked = _ => new TrueRangeState(),
    };
}

/// <summary>Streaming true range; equals <see cref="TrueRange.Compute"/> bit for bit.</summary>
public sealed class TrueRangeState : IIndicatorState
{
    private double _previousClose;
    private bool _hasPrevious;
    private bool _ready;

    public int WarmUpPeriod => 2;

    public bool IsReady => _ready;

    public double Update(double high, double low, double close)
    {
        if (!_hasPrevious)
        {
            _previousClose = close;
            _hasPrevious = true;
            return double.NaN;
        }

        var result = TrueRange.Of(high, low, _previousClose);
        _previousClose = close;
        _ready = true;
        return result;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        _previousClose = 0;
        _hasPrevious = false;
        _ready = false;
    }
}
