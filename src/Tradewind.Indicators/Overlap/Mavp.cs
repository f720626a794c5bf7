using System.Buffers;
using System.Globalization;
using Tradewind.Core;

namespace Tradewind.Indicators.Overlap;

/// <summary>
/// Moving average with a variable period (TA-Lib MAVP): at each bar, the moving average whose period is that bar's
/// value of <c>periods</c> (truncated, clamped to [min_period, max_period]). As in TA-Lib, every period's average
/// starts so that its first value lands on the first output bar, the lookback of the longest period.
/// </summary>
public static class Mavp
{
    /// <summary>Most distinct periods a streaming state runs side by side (it keeps one average per period).</summary>
    public const int MaxStreamingPeriods = 1000;

    public static int Lookback(int minPeriod, int maxPeriod, MaType type)
    {
        EnsureOrdered(minPeriod, maxPeriod);
        return MovingAverage.Lookback(maxPeriod, type);
    }

    /// <summary>The period a bar uses: TA-Lib's (int) truncation, then the clamp. NaN counts as the minimum.</summary>
    public static int PeriodAt(double value, int minPeriod, int maxPeriod)
    {
        var period = double.IsNaN(value) ? minPeriod : (int)Math.Clamp(value, int.MinValue, int.MaxValue);
        return period < minPeriod ? minPeriod : period > maxPeriod ? maxPeriod : period;
    }

    /// <summary>
    /// Batch MAVP: one full moving average per distinct period in use, each started where TA-Lib starts it, then
    /// copied into the bars that use that period.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> input, ReadOnlySpan<double> periods, int minPeriod, int maxPeriod, MaType type, Span<double> output)
    {
        var first = Lookback(minPeriod, maxPeriod, type);
        var n = input.Length;
        if (n <= first)
        {
            output[..n].Fill(double.NaN);
            return;
        }

        output[..first].Fill(double.NaN);
        var used = ArrayPool<bool>.Shared.Rent(maxPeriod - minPeriod + 1);
        var average = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Array.Clear(used, 0, maxPeriod - minPeriod + 1);
            for (var i = first; i < n; i++)
            {
                used[PeriodAt(periods[i], minPeriod, maxPeriod) - minPeriod] = true;
            }

            for (var period = minPeriod; period <= maxPeriod; period++)
            {
                if (!used[period - minPeriod])
                {
                    continue;
                }

                // TA-Lib calls MA with startIdx = first, which is MA run on the input from first - lookback(period).
                var offset = first - MovingAverage.Lookback(period, type);
                MovingAverage.Compute(input[offset..], period, type, average.AsSpan(0, n - offset));
                for (var i = first; i < n; i++)
                {
                    if (PeriodAt(periods[i], minPeriod, maxPeriod) == period)
                    {
                        output[i] = average[i - offset];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(average);
            ArrayPool<bool>.Shared.Return(used);
        }
    }

    internal static void EnsureOrdered(int minPeriod, int maxPeriod)
    {
        if (minPeriod > maxPeriod)
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidParameter,
                string.Create(CultureInfo.InvariantCulture, $"mavp: min_period = {minPeriod} is greater than max_period = {maxPeriod}."),
                "Use min_period <= max_period.");
        }
    }

    internal static IndicatorDefinition Definition { get; } = new()
    {
        Name = "mavp",
        TaLibFunction = "MAVP",
        Group = IndicatorGroup.Overlap,
        Title = "Moving Average with Variable Period",
        Description = "At each bar, the moving average (type `ma_type`) whose period is that bar's value of `periods`, truncated to an integer "
            + "and clamped to [min_period, max_period] (TA-Lib MAVP). Every period's average starts at the same bar, the lookback of max_period.",
        Inputs = [new InputSpec("source", InputKind.Real), new InputSpec("periods", InputKind.Real)],
        Parameters =
        [
            ParameterSpec.Period(2, name: "min_period", description: "Smallest period used; lower values are raised to it."),
            ParameterSpec.Period(30, name: "max_period", description: "Largest period used; higher values are lowered to it. Sets the warm-up."),
            ParameterSpec.MovingAverage(description: "Average: " + MovingAverage.AvailableTypes + "."),
        ],
        Outputs = [new OutputSpec("value", "The average.")],
        Lookback = p => Lookback((int)p[0], (int)p[1], (MaType)(int)p[2]),
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute(i.In0, i.In1, (int)p[0], (int)p[1], (MaType)(int)p[2], o.Out0),
        CreateStateUnchecked = p => new MavpState((int)p[0], (int)p[1], (MaType)(int)p[2]),
    };
}

/// <summary>
/// Streaming MAVP; equals <see cref="Mavp.Compute"/> bit for bit. It runs one average per period in
/// [min_period, max_period], each from the bar where TA-Lib starts it, so at most
/// <see cref="Mavp.MaxStreamingPeriods"/> periods.
/// </summary>
public sealed class MavpState : IIndicatorState
{
    private readonly IMovingAverageState[] _averages;
    private readonly double[] _latest;
    private readonly int[] _startBar;
    private readonly int _minPeriod;
    private readonly int _maxPeriod;
    private readonly int _first;
    private int _bar;

    public MavpState(int minPeriod, int maxPeriod, MaType type)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minPeriod, 1);
        _first = Mavp.Lookback(minPeriod, maxPeriod, type);
        var count = maxPeriod - minPeriod + 1;
        if (count > Mavp.MaxStreamingPeriods)
        {
            ThrowHelper.Throw(
                ErrorCode.InvalidParameter,
                string.Create(CultureInfo.InvariantCulture, $"mavp: streaming {count} periods ({minPeriod}..{maxPeriod}) needs one running average per period."),
                string.Create(CultureInfo.InvariantCulture, $"Narrow [min_period, max_period] to at most {Mavp.MaxStreamingPeriods} periods for streaming, or compute it in batch."));
        }

        _minPeriod = minPeriod;
        _maxPeriod = maxPeriod;
        _averages = new IMovingAverageState[count];
        _latest = new double[count];
        _startBar = new int[count];
        for (var k = 0; k < count; k++)
        {
            _averages[k] = MovingAverage.CreateState(minPeriod + k, type);
            _startBar[k] = _first - MovingAverage.Lookback(minPeriod + k, type);
        }
    }

    public int WarmUpPeriod => _first + 1;

    public bool IsReady => _bar > _first;

    public double Update(double value, double period)
    {
        for (var k = 0; k < _averages.Length; k++)
        {
            if (_bar >= _startBar[k])
            {
                _latest[k] = _averages[k].Update(value);
            }
        }

        return _bar++ < _first ? double.NaN : _latest[Mavp.PeriodAt(period, _minPeriod, _maxPeriod) - _minPeriod];
    }

    public void Update(long time, ReadOnlySpan<double> inputs, Span<double> outputs) => outputs[0] = Update(inputs[0], inputs[1]);

    public void Reset()
    {
        foreach (var average in _averages)
        {
            average.Reset();
        }

        Array.Clear(_latest);
        _bar = 0;
    }
}
