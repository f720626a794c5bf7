namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Wilder's running moving average (RMA, also SMMA): seeded with the SMA of the first `period` values, then
/// rma = (rma x (period-1) + value) / period, the smoothing inside TA-Lib's RSI and ATR and TradingView's `ta.rma`.
/// First value at index period-1.
/// </summary>
public static class Rma
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> input, int period, Span<double> output)
    {
        var core = new RmaCore(period);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = core.Update(input[i]);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "rma",
        Aliases = ["smma"],
        Reference = "trading-signals 8.3.0 WSMA; Stock.Indicators SMMA (spy-1d)",
        Group = IndicatorGroup.Crypto,
        Title = "Wilder's Moving Average (RMA / SMMA)",
        Description = "J. Welles Wilder's smoothing, alpha = 1/period: seeded with the SMA of the first `period` values, then "
            + "(previous x (period-1) + value) / period, as TradingView's `ta.rma` and the averaging inside RSI and ATR.",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters = [ParameterSpec.Period(14)],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new RmaState((int)p[0]),
    };
}

/// <summary>Streaming RMA; equals <see cref="Rma.Compute"/> bit for bit.</summary>
public sealed class RmaState : IIndicatorState
{
    private readonly int _period;
    private RmaCore _core;

    public RmaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _core = new RmaCore(period);
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _core.IsReady;

    public double Update(double value) => _core.Update(value);

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = _core.Update(inputs[0]);

    public void Reset() => _core = new RmaCore(_period);
}

/// <summary>SMA seed, then Wilder's recursion; shared by the batch kernel and the streaming state.</summary>
internal struct RmaCore(int period)
{
    private int _count;
    private double _sum;
    private double _value;

    public readonly bool IsReady => _count >= period;

    public double Update(double input)
    {
        if (_count < period)
        {
            _sum += input;
            if (++_count < period)
            {
                return double.NaN;
            }

            _value = _sum / period;
            return _value;
        }

        _value = ((_value * (period - 1)) + input) / period;
        return _value;
    }
}
