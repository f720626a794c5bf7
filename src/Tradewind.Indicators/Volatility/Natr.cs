using System.Runtime.CompilerServices;
using Tradewind.Indicators.Momentum;

namespace Tradewind.Indicators.Volatility;

/// <summary>
/// Normalized average true range (TA-Lib NATR): ATR / close x 100, first value at index period; 0 where the close is
/// within 1e-14 of zero. TA-Lib's period 1 returns the raw true range without normalizing; Tradewind keeps that so
/// results agree.
/// </summary>
public static class Natr
{
    public static int Lookback(int period) => period;

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
        var atr = new AtrSmoothing(period);
        for (var i = 0; i < lookback; i++)
        {
            atr.Update(high[i], low[i], close[i]);
        }

        for (var i = lookback; i < n; i++)
        {
            atr.Update(high[i], low[i], close[i]);
            output[i] = Value(atr.Value, close[i], period);
        }
    }

    /// <summary>
    /// TA-Lib writes 0 for a zero close on the first bar; on later bars its C code zeroes output 0 instead and leaves
    /// the bar unwritten, which no caller can rely on, so Tradewind writes 0 there too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Value(double atr, double close, int period) =>
        period == 1 ? atr : TaLibEpsilon.IsZero(close) ? 0.0 : atr / close * 100.0;

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "natr",
        TaLibFunction = "NATR",
        Group = IndicatorGroup.Volatility,
        Title = "Normalized Average True Range",
        Description = "ATR as a percentage of the close, comparable across price levels (TA-Lib NATR).",
        Inputs = [new InputSpec("high", InputKind.High), new InputSpec("low", InputKind.Low), new InputSpec("close", InputKind.Close)],
        Parameters = [ParameterSpec.Period(14, min: 1)],
        Outputs = [new OutputSpec("value", "NATR, percent of the close (period 1: the raw true range, as in TA-Lib).")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, i.In2, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new NatrState((int)p[0]),
    };
}

/// <summary>Streaming NATR; equals <see cref="Natr.Compute"/> bit for bit.</summary>
public sealed class NatrState : IIndicatorState
{
    private readonly int _period;
    private AtrSmoothing _atr;

    public NatrState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _atr = new AtrSmoothing(period);
    }

    public int WarmUpPeriod => _period + 1;

    public bool IsReady => _atr.Bars > _period;

    public double Update(double high, double low, double close) =>
        _atr.Update(high, low, close) ? Natr.Value(_atr.Value, close, _period) : double.NaN;

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1], inputs[2]);

    public void Reset() => _atr = new AtrSmoothing(_period);
}
