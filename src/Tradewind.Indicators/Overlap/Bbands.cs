using Tradewind.Indicators.Statistics;

namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Bollinger Bands (TA-Lib BBANDS; John Bollinger): a moving average plus and minus a multiple of the population
/// standard deviation over the same `period`. First values at the moving average's lookback.
/// </summary>
public static class Bbands
{
    /// <summary>
    /// TA-Lib's BBANDS lookback, the MA's. The deviation needs period-1 bars, which every MA type here already
    /// waits for; the max keeps the bands aligned for an MA with a shorter fixed lookback (MAMA's is 32).
    /// </summary>
    public static int Lookback(int period, MaType type) => Math.Max(MovingAverage.Lookback(period, type), period - 1);

    public static void Compute(
        ReadOnlySpan<double> input,
        int period,
        double nbDevUp,
        double nbDevDown,
        MaType type,
        Span<double> upper,
        Span<double> middle,
        Span<double> lower)
    {
        var first = Lookback(period, type);
        MovingAverage.Compute(input, period, type, middle);
        var n = input.Length;
        if (n <= first)
        {
            upper[..n].Fill(double.NaN);
            middle[..n].Fill(double.NaN);
            lower[..n].Fill(double.NaN);
            return;
        }

        upper[..first].Fill(double.NaN);
        lower[..first].Fill(double.NaN);
        middle[..first].Fill(double.NaN);

        // TA-Lib starts the deviation's running sums where the MA's output starts, so do the same. The variance
        // goes through the upper band's buffer: no scratch allocation.
        Var.ComputeFrom(input, period, first, upper);
        for (var i = first; i < n; i++)
        {
            var deviation = StdDev.FromVariance(upper[i], 1.0);
            var average = middle[i];
            upper[i] = average + (deviation * nbDevUp);
            lower[i] = average - (deviation * nbDevDown);
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "bbands",
        Aliases = ["bb", "bollinger"],
        TaLibFunction = "BBANDS",
        Group = IndicatorGroup.Overlap,
        Title = "Bollinger Bands",
        Description = "Moving average of the last `period` values (middle) with bands nbdev_up and nbdev_dn population standard deviations "
            + "above and below it (John Bollinger; TA-Lib BBANDS).",
        Inputs = [new InputSpec("source", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(5),
            ParameterSpec.Real("nbdev_up", 2, -Var.RealMax, Var.RealMax, "Standard deviations from the middle to the upper band."),
            ParameterSpec.Real("nbdev_dn", 2, -Var.RealMax, Var.RealMax, "Standard deviations from the middle to the lower band."),
            ParameterSpec.MovingAverage(description: "Middle band average: " + MovingAverage.AvailableTypes + "."),
        ],
        Outputs =
        [
            new OutputSpec("upper", "Middle + nbdev_up x standard deviation."),
            new OutputSpec("middle", "The moving average."),
            new OutputSpec("lower", "Middle - nbdev_dn x standard deviation."),
        ],
        Lookback = p => Lookback((int)p[0], (MaType)(int)p[3]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, (int)p[0], p[1], p[2], (MaType)(int)p[3], o.Out0, o.Out1, o.Out2),
        CreateStateUnchecked = p => new BbandsState((int)p[0], p[1], p[2], (MaType)(int)p[3]),
    };
}

/// <summary>Streaming BBANDS; equals <see cref="Bbands.Compute"/> bit for bit.</summary>
public sealed class BbandsState : IIndicatorState
{
    private readonly IMovingAverageState _average;
    private readonly VarState _variance;
    private readonly double _nbDevUp;
    private readonly double _nbDevDown;
    private readonly int _skip;
    private int _skipped;

    public BbandsState(int period, double nbDevUp, double nbDevDown, MaType type)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        var lookback = Bbands.Lookback(period, type);
        WarmUpPeriod = lookback + 1;
        _average = MovingAverage.CreateState(period, type);
        _variance = new VarState(period);
        _nbDevUp = nbDevUp;
        _nbDevDown = nbDevDown;

        // Bars before the variance's window starts (see Bbands.Compute).
        _skip = lookback - (period - 1);
    }

    public int WarmUpPeriod { get; }

    public bool IsReady => _variance.IsReady;

    public void Update(double value, out double upper, out double middle, out double lower)
    {
        middle = _average.Update(value);
        var variance = double.NaN;
        if (_skipped < _skip)
        {
            _skipped++;
        }
        else
        {
            variance = _variance.Update(value);
        }

        if (!_variance.IsReady)
        {
            upper = double.NaN;
            middle = double.NaN;
            lower = double.NaN;
            return;
        }

        var deviation = StdDev.FromVariance(variance, 1.0);
        upper = middle + (deviation * _nbDevUp);
        lower = middle - (deviation * _nbDevDown);
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        Update(inputs[0], out var upper, out var middle, out var lower);
        outputs[0] = upper;
        outputs[1] = middle;
        outputs[2] = lower;
    }

    public void Reset()
    {
        _average.Reset();
        _variance.Reset();
        _skipped = 0;
    }
}
