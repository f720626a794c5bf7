namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Directional movement index (TA-Lib DX): 100 |+DI - -DI| / (+DI + -DI), first value at index period. Where TA-Lib
/// leaves it undefined (flat true range or both DIs zero) the first value is 0 and later ones repeat the previous.
/// </summary>
public static class Dx
{
    public static int Lookback(int period) => period;

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
        var dm = new DirectionalMovement(period);
        for (var i = 0; i < lookback; i++)
        {
            dm.Update(high[i], low[i], close[i]);
        }

        var previous = 0.0;
        for (var i = lookback; i < n; i++)
        {
            dm.Update(high[i], low[i], close[i]);
            if (dm.TryDirectionalIndex(out var dx))
            {
                previous = dx;
            }

            output[i] = previous;
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "dx",
        TaLibFunction = "DX",
        Group = IndicatorGroup.Momentum,
        Title = "Directional Movement Index",
        Description = "Trend strength regardless of direction: 100 |+DI - -DI| / (+DI + -DI) from Wilder-smoothed directional movement (Wilder, 1978; TA-Lib DX).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "DX, 0..100.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new DxState((int)p[0]),
    };
}

/// <summary>Streaming DX; equals <see cref="Dx.Compute"/> bit for bit.</summary>
public sealed class DxState : IIndicatorState
{
    private readonly int _period;
    private DirectionalMovement _dm;
    private double _previous;

    public DxState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _dm = new DirectionalMovement(period);
    }

    public int WarmUpPeriod => _period + 1;

    public bool IsReady => _dm.Bars > _period;

    public double Update(double high, double low, double close)
    {
        _dm.Update(high, low, close);
        if (_dm.Bars <= _period)
        {
            return double.NaN;
        }

        if (_dm.TryDirectionalIndex(out var dx))
        {
            _previous = dx;
        }

        return _previous;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        _dm = new DirectionalMovement(_period);
        _previous = 0;
    }
}
