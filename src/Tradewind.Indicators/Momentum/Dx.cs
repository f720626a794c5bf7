using System.Runtime.CompilerServices;

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
        var sink = default(Output);
        DirectionalMovement.Run(high, low, close, period, lookback, ref sink, output);
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

    /// <summary>DX, repeating the last defined value (0 before any) where it is undefined.</summary>
    internal struct Output : IDirectionalOutput
    {
        private double _previous;

        public static bool UsesRange => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Next(double plus, double minus, double range)
        {
            if (DirectionalMovement.TryDirectionalIndex(plus, minus, range, out var dx))
            {
                _previous = dx;
            }

            return _previous;
        }
    }
}

/// <summary>Streaming DX; equals <see cref="Dx.Compute"/> bit for bit.</summary>
public sealed class DxState : IIndicatorState
{
    private readonly int _period;
    private DirectionalMovement _dm;
    private Dx.Output _output;

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
        return _dm.Bars > _period ? _output.Next(_dm.Plus, _dm.Minus, _dm.Range) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset()
    {
        _dm = new DirectionalMovement(_period);
        _output = default;
    }
}
