namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Average directional movement index (TA-Lib ADX): Wilder's smoothing of DX. First value at index 2 x period - 1,
/// the plain mean of the first `period` DX values.
/// </summary>
public static class Adx
{
    public static int Lookback(int period) => AdxSmoothing.Lookback(period);

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        var n = SeriesLength.Common(high, low, close, output);
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var adx = new AdxSmoothing(period);
        for (var i = 0; i < lookback; i++)
        {
            adx.Update(high[i], low[i], close[i]);
        }

        for (var i = lookback; i < n; i++)
        {
            adx.Update(high[i], low[i], close[i]);
            output[i] = adx.Value;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "adx",
        TaLibFunction = "ADX",
        Group = IndicatorGroup.Momentum,
        Title = "Average Directional Movement Index",
        Description = "Trend strength regardless of direction: Wilder's moving average of DX (Wilder, 1978; TA-Lib ADX).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "ADX, 0..100.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new AdxState((int)p[0]),
    };
}

/// <summary>Streaming ADX; equals <see cref="Adx.Compute"/> bit for bit.</summary>
public sealed class AdxState : IIndicatorState
{
    private readonly int _period;
    private AdxSmoothing _adx;
    private bool _ready;

    public AdxState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _adx = new AdxSmoothing(period);
    }

    public int WarmUpPeriod => Adx.Lookback(_period) + 1;

    public bool IsReady => _ready;

    public double Update(double high, double low, double close)
    {
        if (!_adx.Update(high, low, close))
        {
            return double.NaN;
        }

        _ready = true;
        return _adx.Value;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        _adx = new AdxSmoothing(_period);
        _ready = false;
    }
}
