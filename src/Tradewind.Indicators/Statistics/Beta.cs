namespace Tradewind.Indicators.Statistics;

/// <summary>
/// Beta (TA-Lib BETA): slope of the least-squares regression of <c>y</c>'s one-bar returns on <c>x</c>'s over the last
/// `period` returns, cov(rx, ry) / var(rx). First value at index period (a return needs the previous bar).
/// </summary>
public static class Beta
{
    public static int Lookback(int period) => period;

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
        double sxx = 0, sxy = 0, sx = 0, sy = 0;
        for (var i = 1; i < lookback; i++)
        {
            var rx = Return(x[i - 1], x[i]);
            var ry = Return(y[i - 1], y[i]);
            sxx += rx * rx;
            sxy += rx * ry;
            sx += rx;
            sy += ry;
        }

        double count = period;
        var trailing = 1;
        for (var i = lookback; i < n; i++)
        {
            var rx = Return(x[i - 1], x[i]);
            var ry = Return(y[i - 1], y[i]);
            sxx += rx * rx;
            sxy += rx * ry;
            sx += rx;
            sy += ry;

            output[i] = Slope(count, sxx, sxy, sx, sy);

            // The return leaving the window, recomputed from prices exactly as it was when it entered.
            rx = Return(x[trailing - 1], x[trailing]);
            ry = Return(y[trailing - 1], y[trailing]);
            trailing++;
            sxx -= rx * rx;
            sxy -= rx * ry;
            sx -= rx;
            sy -= ry;
        }
    }

    /// <summary>TA-Lib's one-bar return; 0 when the previous price is (within 1e-14 of) zero.</summary>
    internal static double Return(double previous, double current) =>
        TaMath.IsZero(previous) ? 0.0 : (current - previous) / previous;

    internal static double Slope(double count, double sxx, double sxy, double sx, double sy)
    {
        var denominator = (count * sxx) - (sx * sx);
        return TaMath.IsZero(denominator) ? 0.0 : ((count * sxy) - (sx * sy)) / denominator;
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "beta",
        TaLibFunction = "BETA",
        Group = IndicatorGroup.Statistics,
        Title = "Beta",
        Description = "Slope of the regression of y's one-bar returns on x's over the last `period` returns, cov(rx, ry) / var(rx) (TA-Lib BETA). "
            + "Pass the benchmark (market) as x and the instrument as y: beta(btc_close, eth_close) is ETH's beta to BTC.",
        Inputs = [new InputSpec("x", InputKind.Real), new InputSpec("y", InputKind.Real)],
        Parameters = [ParameterSpec.Period(5, min: 1)],
        Outputs = [new OutputSpec("value", "The beta of y to x.")],
        Lookback = p => Lookback((int)p[0]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) => Compute(i.In0, i.In1, (int)p[0], o.Out0),
        CreateStateUnchecked = p => new BetaState((int)p[0]),
    };
}

/// <summary>Streaming BETA; equals <see cref="Beta.Compute"/> bit for bit.</summary>
public sealed class BetaState : IIndicatorState
{
    private readonly SlidingWindow _xReturns;
    private readonly SlidingWindow _yReturns;
    private readonly int _period;
    private double _sxx;
    private double _sxy;
    private double _sx;
    private double _sy;
    private double _lastX;
    private double _lastY;
    private bool _started;

    public BetaState(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _xReturns = new SlidingWindow(period);
        _yReturns = new SlidingWindow(period);
    }

    public int WarmUpPeriod => _period + 1;

    public bool IsReady => _xReturns.IsFull;

    public double Update(double x, double y)
    {
        if (!_started)
        {
            _started = true;
            _lastX = x;
            _lastY = y;
            return double.NaN;
        }

        var rx = Beta.Return(_lastX, x);
        var ry = Beta.Return(_lastY, y);
        _lastX = x;
        _lastY = y;
        _sxx += rx * rx;
        _sxy += rx * ry;
        _sx += rx;
        _sy += ry;
        _xReturns.Add(rx);
        _yReturns.Add(ry);
        if (!_xReturns.IsFull)
        {
            return double.NaN;
        }

        var result = Beta.Slope(_period, _sxx, _sxy, _sx, _sy);
        var oldX = _xReturns.Oldest;
        var oldY = _yReturns.Oldest;
        _sxx -= oldX * oldX;
        _sxy -= oldX * oldY;
        _sx -= oldX;
        _sy -= oldY;
        return result;
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset()
    {
        _xReturns.Clear();
        _yReturns.Clear();
        _sxx = _sxy = _sx = _sy = 0;
        _lastX = _lastY = 0;
        _started = false;
    }
}
