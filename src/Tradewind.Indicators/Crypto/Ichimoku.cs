using System.Buffers;
using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Ichimoku Kinko Hyo (Goichi Hosoda) without look-ahead. Tenkan and kijun are the midpoints of the high-low range
/// over their periods. The senkou spans are drawn `displacement` bars ahead on a chart; here the value at bar i is
/// the one computed `displacement` bars earlier, which is what the chart shows at bar i. The chikou span is drawn
/// `displacement` bars back on a chart, so its value at bar i is simply close[i]. Every output at bar i reads bars
/// 0..i only. All outputs start together, where senkou B does: max(tenkan, kijun, senkou_b) - 1 + displacement.
/// </summary>
public static class Ichimoku
{
    public static int Lookback(int tenkan, int kijun, int senkouB, int displacement) =>
        Math.Max(Math.Max(tenkan, kijun), senkouB) - 1 + displacement;

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int tenkan,
        int kijun,
        int senkouB,
        int displacement,
        Span<double> tenkanOut,
        Span<double> kijunOut,
        Span<double> senkouAOut,
        Span<double> senkouBOut,
        Span<double> chikouOut)
    {
        var n = close.Length;
        var lookback = Lookback(tenkan, kijun, senkouB, displacement);
        if (n <= lookback)
        {
            tenkanOut[..n].Fill(double.NaN);
            kijunOut[..n].Fill(double.NaN);
            senkouAOut[..n].Fill(double.NaN);
            senkouBOut[..n].Fill(double.NaN);
            chikouOut[..n].Fill(double.NaN);
            return;
        }

        var highest = ArrayPool<double>.Shared.Rent(n);
        var lowest = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Midpoints(high, low, tenkan, highest, lowest, tenkanOut);
            Midpoints(high, low, kijun, highest, lowest, kijunOut);
            for (var i = lookback; i < n; i++)
            {
                senkouAOut[i] = (tenkanOut[i - displacement] + kijunOut[i - displacement]) / 2;
            }

            // The senkou B midpoints go into `highest` (each slot is read before it is overwritten), then shift.
            Midpoints(high, low, senkouB, highest, lowest, highest);
            for (var i = lookback; i < n; i++)
            {
                senkouBOut[i] = highest[i - displacement];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(highest);
            ArrayPool<double>.Shared.Return(lowest);
        }

        close[lookback..].CopyTo(chikouOut[lookback..]);
        tenkanOut[..lookback].Fill(double.NaN);
        kijunOut[..lookback].Fill(double.NaN);
        senkouAOut[..lookback].Fill(double.NaN);
        senkouBOut[..lookback].Fill(double.NaN);
        chikouOut[..lookback].Fill(double.NaN);
    }

    /// <summary>The midpoint of the highest high and lowest low over `period`, from index period-1 on.</summary>
    internal static double Midpoint(double highest, double lowest) => (highest + lowest) / 2;

    private static void Midpoints(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        int period,
        Span<double> highest,
        Span<double> lowest,
        Span<double> output)
    {
        RollingExtreme.Compute<HighestSide>(high, period, RescanTies.Latest, highest);
        RollingExtreme.Compute<LowestSide>(low, period, RescanTies.Latest, lowest);
        for (var i = period - 1; i < high.Length; i++)
        {
            output[i] = Midpoint(highest[i], lowest[i]);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "ichimoku",
        Aliases = ["ichimoku_cloud"],
        Reference = "trading-signals 8.3.0 IchimokuCloud shifted by the displacement; Stock.Indicators Ichimoku (spy-1d)",
        Group = IndicatorGroup.Crypto,
        Title = "Ichimoku Cloud",
        Description = "Goichi Hosoda's Ichimoku Kinko Hyo, defined so that bar i reads only bars 0..i: `tenkan` and `kijun` "
            + "are the high-low midpoints over their periods (9 and 26); `senkou_a` = (tenkan + kijun)/2 and `senkou_b` = the "
            + "high-low midpoint over its period (52), both as computed `displacement` (26) bars earlier, which is what a chart "
            + "shows at bar i (TradingView draws them displacement-1 bars ahead: use 25 to match its chart); `chikou` is the "
            + "close, which a chart draws `displacement` bars back, so comparing it with the price it is drawn against means "
            + "comparing close with close[-27] for displacement 26. All outputs start where senkou B does.",
        Inputs =
        [
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
        ],
        Parameters =
        [
            ParameterSpec.Period(9, min: 1, name: "tenkan", description: "Conversion line period."),
            ParameterSpec.Period(26, min: 1, name: "kijun", description: "Base line period."),
            ParameterSpec.Period(52, min: 1, name: "senkou_b", description: "Leading span B period."),
            new ParameterSpec("displacement", ParameterKind.Integer, 26, 0, 100_000, "Bars the leading spans are shifted forward (the lagging span back)."),
        ],
        Outputs =
        [
            new OutputSpec("tenkan", "Conversion line: midpoint of the high-low range over `tenkan` bars."),
            new OutputSpec("kijun", "Base line: midpoint of the high-low range over `kijun` bars."),
            new OutputSpec("senkou_a", "Leading span A: (tenkan + kijun)/2 as of `displacement` bars ago."),
            new OutputSpec("senkou_b", "Leading span B: midpoint over `senkou_b` bars as of `displacement` bars ago."),
            new OutputSpec("chikou", "Lagging span: the close (a chart draws it `displacement` bars back)."),
        ],
        Lookback = p => Lookback((int)p[0], (int)p[1], (int)p[2], (int)p[3]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, i.In2, (int)p[0], (int)p[1], (int)p[2], (int)p[3], o.Out0, o.Out1, o.Out2, o.Out3, o.Out4),
        CreateStateUnchecked = p => new IchimokuState((int)p[0], (int)p[1], (int)p[2], (int)p[3]),
    };
}

/// <summary>Streaming Ichimoku; equals <see cref="Ichimoku.Compute"/> bit for bit.</summary>
public sealed class IchimokuState : IIndicatorState
{
    private readonly HighLowWindow _tenkan;
    private readonly HighLowWindow _kijun;
    private readonly HighLowWindow _senkou;
    private readonly double[] _spanA;
    private readonly double[] _spanB;
    private readonly int _lookback;
    private int _head;
    private int _count;

    public IchimokuState(int tenkan, int kijun, int senkouB, int displacement)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tenkan, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kijun, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(senkouB, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(displacement);
        _tenkan = new HighLowWindow(tenkan, RescanTies.Latest);
        _kijun = new HighLowWindow(kijun, RescanTies.Latest);
        _senkou = new HighLowWindow(senkouB, RescanTies.Latest);
        _spanA = new double[displacement + 1];
        _spanB = new double[displacement + 1];
        _lookback = Ichimoku.Lookback(tenkan, kijun, senkouB, displacement);
    }

    public int WarmUpPeriod => _lookback + 1;

    public bool IsReady => _count > _lookback;

    public void Update(double high, double low, double close, Span<double> outputs)
    {
        // Until a window is full its midpoint is stale, but such values fall inside the lookback and are never output.
        _tenkan.Add(high, low);
        _kijun.Add(high, low);
        _senkou.Add(high, low);
        var tenkan = Ichimoku.Midpoint(_tenkan.Highest, _tenkan.Lowest);
        var kijun = Ichimoku.Midpoint(_kijun.Highest, _kijun.Lowest);

        // Delay lines of displacement+1 values: after the write, _head points at the value `displacement` bars back.
        _spanA[_head] = (tenkan + kijun) / 2;
        _spanB[_head] = Ichimoku.Midpoint(_senkou.Highest, _senkou.Lowest);
        _head = _head + 1 == _spanA.Length ? 0 : _head + 1;
        if (_count < _lookback)
        {
            _count++;
            outputs[..5].Fill(double.NaN);
            return;
        }

        _count = _lookback + 1;
        outputs[0] = tenkan;
        outputs[1] = kijun;
        outputs[2] = _spanA[_head];
        outputs[3] = _spanB[_head];
        outputs[4] = close;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => Update(inputs[0], inputs[1], inputs[2], outputs);

    public void Reset()
    {
        _tenkan.Reset();
        _kijun.Reset();
        _senkou.Reset();
        Array.Clear(_spanA);
        Array.Clear(_spanB);
        _head = 0;
        _count = 0;
    }
}
