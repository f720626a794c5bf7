namespace Tradewind.Indicators.Statistics;

/// <summary>
/// Pearson's correlation coefficient of two series over the last `period` bars (TA-Lib CORREL), from running sums.
/// First value at index period-1.
/// </summary>
public static class Correl
{
    public static int Lookback(int period) => period - 1;

    public static void Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int period, Span<double> output)
    {
        var lookback = Lookback(period);
        var n = x.Length;
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..lookback].Fill(double.NaN);
        double sumX = 0, sumY = 0, sumX2 = 0, sumY2 = 0, sumXY = 0;
        for (var i = 0; i <= lookback; i++)
        {
            var a = x[i];
            var b = y[i];
            sumX += a;
            sumX2 += a * a;
            sumXY += a * b;
            sumY += b;
            sumY2 += b * b;
        }

        output[lookback] = Coefficient(period, sumX, sumY, sumX2, sumY2, sumXY);
        var trailing = 0;
        for (var i = lookback + 1; i < n; i++)
        {
            var oldX = x[trailing];
            var oldY = y[trailing++];
            sumX -= oldX;
            sumX2 -= oldX * oldX;
            sumXY -= oldX * oldY;
            sumY -= oldY;
            sumY2 -= oldY * oldY;
            var a = x[i];
            var b = y[i];
            sumX += a;
            sumX2 += a * a;
            sumXY += a * b;
            sumY += b;
            sumY2 += b * b;
            output[i] = Coefficient(period, sumX, sumY, sumX2, sumY2, sumXY);
        }
    }

    /// <summary>TA-Lib's expression; 0 when the product of the two variances is below 1e-14.</summary>
    internal static double Coefficient(int period, double sumX, double sumY, double sumX2, double sumY2, double sumXY)
    {
        var denominator = (sumX2 - ((sumX * sumX) / period)) * (sumY2 - ((sumY * sumY) / period));
        return TaMath.IsZeroOrNegative(denominator) ? 0.0 : (sumXY - ((sumX * sumY) / period)) / Math.Sqrt(denominator);
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "correl",
        Aliases = ["corr"],
        TaLibFunction = "CORREL",
        Group = IndicatorGroup.Statistics,
        Title = "Pearson's Correlation Coefficient",
        Description = "Pearson's correlation coefficient r of x and y over the last `period` bars, from -1 to 1 (TA-Lib CORREL). "
            + "It correlates the values as given; pass returns (e.g. roc) to correlate price changes.",
        Inputs = [new InputSpec("x", InputKind.Real), new InputSpec("y", InputKind.Real)],
        Parameters = [ParameterSpec.Period(30, min: 1)],
        Outputs = [new OutputSpec("value", "The correlation coefficient.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new CorrelState((int)p[0]),
    };
}

/// <summary>Streaming CORREL; equals <see cref="Correl.Compute"/> bit for bit.</summary>
public sealed class CorrelState : IIndicatorState
{
    private readonly SlidingWindow _xs;
    private readonly SlidingWindow _ys;
    private readonly int _period;
    private double _sumX;
    private double _sumY;
    private double _sumX2;
    private double _sumY2;
    private double _sumXY;

    public CorrelState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _xs = new SlidingWindow(period);
        _ys = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _period;

    public bool IsReady => _xs.IsFull;

    public double Update(double x, double y)
    {
        // TA-Lib drops the oldest bar when the next one arrives, before adding it.
        if (_xs.IsFull)
        {
            var oldX = _xs.Oldest;
            var oldY = _ys.Oldest;
            _sumX -= oldX;
            _sumX2 -= oldX * oldX;
            _sumXY -= oldX * oldY;
            _sumY -= oldY;
            _sumY2 -= oldY * oldY;
        }

        _xs.Add(x);
        _ys.Add(y);
        _sumX += x;
        _sumX2 += x * x;
        _sumXY += x * y;
        _sumY += y;
        _sumY2 += y * y;
        return _xs.IsFull ? Correl.Coefficient(_period, _sumX, _sumY, _sumX2, _sumY2, _sumXY) : double.NaN;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset()
    {
        _xs.Clear();
        _ys.Clear();
        _sumX = _sumY = _sumX2 = _sumY2 = _sumXY = 0;
    }
}
