using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Minus directional indicator (TA-Lib MINUS_DI): 100 x smoothed -DM / smoothed true range, first value at index
/// period. TA-Lib's period 1 is the raw ratio -DM1 / TR1 without the factor 100, from index 1; Tradewind keeps that.
/// </summary>
public static class MinusDi
{
    public static int Lookback(int period) => period > 1 ? period : 1;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var n = SeriesLength.Common(high, low, close, output);
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var sink = new Output(period);
        DirectionalMovement.Run(high, low, close, period, lookback, ref sink, output);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Value(double movement, double range, int period) =>
        TaLibEpsilon.IsZero(range) ? 0.0 : period > 1 ? 100.0 * (movement / range) : movement / range;

    /// <summary>-DI from the smoothed values.</summary>
    internal readonly struct Output(int period) : IDirectionalOutput
    {
        public static bool UsesRange => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Next(double plus, double minus, double range) => Value(minus, range, period);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "minus_di",
        TaLibFunction = "MINUS_DI",
        Group = IndicatorGroup.Momentum,
        Title = "Minus Directional Indicator",
        Description = "Share of the average true range made of downward directional movement: 100 x smoothed -DM / smoothed TR (Wilder, 1978; TA-Lib MINUS_DI).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14, min: 1)],
        Outputs = [new OutputSpec("value", "-DI, 0..100 (period 1: a 0..1 ratio, as in TA-Lib).")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MinusDiState((int)p[0]),
    };
}

/// <summary>Streaming -DI; equals <see cref="MinusDi.Compute"/> bit for bit.</summary>
public sealed class MinusDiState : IIndicatorState
{
    private readonly int _period;
    private readonly int _lookback;
    private readonly MinusDi.Output _output;
    private DirectionalMovement _dm;

    public MinusDiState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _lookback = MinusDi.Lookback(period);
        _output = new MinusDi.Output(period);
        _dm = new DirectionalMovement(period);
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _dm.Bars > _lookback;

    public double Update(double high, double low, double close)
    {
        _dm.Update(high, low, close);
        return _dm.Bars > _lookback ? _output.Next(_dm.Plus, _dm.Minus, _dm.Range) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => _dm = new DirectionalMovement(_period);
}
