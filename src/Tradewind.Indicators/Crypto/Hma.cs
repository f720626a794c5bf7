using System.Buffers;
using Tradewind.Indicators.Overlap;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Hull moving average (Alan Hull): WMA(2 x WMA(period/2) - WMA(period), floor(sqrt(period))), with integer
/// periods rounded down, as trading-signals and Stock.Indicators do. First value at index
/// period-1 + floor(sqrt(period))-1.
/// </summary>
public static class Hma
{
    public static int HalfPeriod(int period) => period / 2;

    public static int SqrtPeriod(int period) => (int)Math.Sqrt(period);

    public static int Lookback(int period) => period - 1 + SqrtPeriod(period) - 1;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var n = input.Length;
        var lookback = Lookback(period);
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        var half = ArrayPool<double>.Shared.Rent(n);
        var full = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Wma.Compute(input, HalfPeriod(period), half);
            Wma.Compute(input, period, full);

            // The raw Hull series starts where the full-period WMA does; reuse `half` to hold it.
            var start = period - 1;
            for (var i = start; i < n; i++)
            {
                half[i] = (2 * half[i]) - full[i];
            }

            Wma.Compute(half.AsSpan(start, n - start), SqrtPeriod(period), output[start..]);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(half);
            ArrayPool<double>.Shared.Return(full);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "hma",
        Aliases = ["hull", "hullma"],
        Reference = "trading-signals 8.3.0 HMA; Stock.Indicators HMA (spy-1d)",
        Group = IndicatorGroup.Crypto,
        Title = "Hull Moving Average",
        Description = "Alan Hull's low-lag average: WMA(2 x WMA(source, period/2) - WMA(source, period), sqrt(period)), "
            + "with period/2 and sqrt(period) rounded down to whole bars.",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(9)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new HmaState((int)p[0]),
    };
}

/// <summary>Streaming Hull MA; equals <see cref="Hma.Compute"/> bit for bit.</summary>
public sealed class HmaState : IIndicatorState
{
    private readonly WmaState _half;
    private readonly WmaState _full;
    private readonly WmaState _hull;
    private readonly int _period;

    public HmaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        _period = period;
        _half = new WmaState(Hma.HalfPeriod(period));
        _full = new WmaState(period);
        _hull = new WmaState(Hma.SqrtPeriod(period));
    }

    public int WarmUpPeriod => Hma.Lookback(_period) + 1;

    public bool IsReady => _hull.IsReady;

    public double Update(double value)
    {
        var half = _half.Update(value);
        var full = _full.Update(value);
        return _full.IsReady ? _hull.Update((2 * half) - full) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0]);

    public void Reset()
    {
        _half.Reset();
        _full.Reset();
        _hull.Reset();
    }
}
