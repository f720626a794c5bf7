using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Momentum;

/// <summary>
/// Minus directional movement (TA-Lib MINUS_DM): Wilder's smoothed downward excursion. Period 1 is the raw one-bar -DM
/// from index 1; otherwise the first value, at index period-1, is the plain sum of the first period-1 one-bar values.
/// </summary>
public static class MinusDm
{
    public static int Lookback(int period) => period > 1 ? period - 1 : 1;

    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, int period, Span<double> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var n = SeriesLength.Common(high, low, output);
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var sink = default(Output);
        DirectionalMovement.Run(high, low, default, period, lookback, ref sink, output);
    }

    /// <summary>The smoothed -DM itself.</summary>
    internal readonly struct Output : IDirectionalOutput
    {
        public static bool UsesRange => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Next(double plus, double minus, double range) => minus;
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "minus_dm",
        TaLibFunction = "MINUS_DM",
        Group = IndicatorGroup.Momentum,
        Title = "Minus Directional Movement",
        Description = "Wilder-smoothed sum of the part of each bar's range below the previous low, when it beats the move above the previous high (Wilder, 1978; TA-Lib MINUS_DM).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low)],
        Parameters = [ParameterSpec.Period(14, min: 1)],
        Outputs = [new OutputSpec("value", "Smoothed -DM, in price units.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new MinusDmState((int)p[0]),
    };
}

/// <summary>Streaming -DM; equals <see cref="MinusDm.Compute"/> bit for bit.</summary>
public sealed class MinusDmState : IIndicatorState
{
    private readonly int _period;
    private readonly int _lookback;
    private DirectionalMovement _dm;

    public MinusDmState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _lookback = MinusDm.Lookback(period);
        _dm = new DirectionalMovement(period);
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _dm.Bars > _lookback;

    public double Update(double high, double low)
    {
        _dm.UpdateMovement(high, low);
        return _dm.Bars > _lookback ? _dm.Minus : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset() => _dm = new DirectionalMovement(_period);
}
