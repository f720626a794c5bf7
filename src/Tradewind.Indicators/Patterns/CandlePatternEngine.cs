using System.Buffers;
using System.Runtime.CompilerServices;

namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Runs an <see cref="ICandlePattern"/> over whole series and builds its registry definition. The running totals
/// behind each candle average are seeded and rolled exactly as TA-Lib's CDL functions do (sum the period's ranges in
/// order, then after each bar add the newest range minus the oldest), so thresholds match TA-Lib to the last bit.
/// </summary>
internal static class CandlePatternEngine
{
    /// <summary>Room for the candle averages of any pattern (advance block, the most demanding, uses nine).</summary>
    public const int MaxAverages = 12;

    private const string PenetrationDescription =
        "How far the last candle must close into the first candle's real body, as a fraction of that body.";

    public static void Compute<TPattern>(
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        double penetration,
        Span<double> output)
        where TPattern : struct, ICandlePattern
    {
        var n = close.Length;
        var lookback = TPattern.Lookback;
        var warm = Math.Min(lookback, n);
        output[..warm].Fill(double.NaN);
        if (n <= lookback)
        {
            return;
        }

        // TA-Lib sums each average's period of ranges just before the first bar it evaluates.
        var start = lookback - TPattern.Preroll;
        var averages = TPattern.Averages;
        var count = averages.Length;
        Span<double> totals = stackalloc double[MaxAverages];
        Span<double> thresholds = stackalloc double[MaxAverages];
        Span<double> factors = stackalloc double[MaxAverages];
        Span<int> periods = stackalloc int[MaxAverages];
        Span<int> backs = stackalloc int[MaxAverages];
        Span<bool> halves = stackalloc bool[MaxAverages];
        totals.Clear();

        // Each range type in use is computed once for every candle into a pooled column; totals then roll by two loads.
        var pooled = new RangeColumns();
        var columns = new RangeColumns();
        try
        {
            for (var a = 0; a < count; a++)
            {
                var setting = averages[a].Setting;
                var type = (int)setting.RangeType;
                if (pooled[type] is null)
                {
                    var column = ArrayPool<double>.Shared.Rent(n);
                    FillRanges(setting.RangeType, open, high, low, close, column.AsSpan(0, n));
                    pooled[type] = column;
                }

                factors[a] = setting.Factor;
                periods[a] = setting.AveragePeriod;
                backs[a] = averages[a].Back;
                halves[a] = setting.RangeType == CandleRangeType.Shadows;
                columns[a] = pooled[type];
            }

            for (var a = 0; a < count; a++)
            {
                var ranges = columns[a]!;
                for (var t = start - periods[a]; t < start; t++)
                {
                    totals[a] += ranges[t - backs[a]];
                }
            }

            thresholds = thresholds[..count];
            var memory = new CandlePatternMemory();
            for (var i = start; i < n; i++)
            {
                for (var a = 0; a < count; a++)
                {
                    thresholds[a] = Threshold(factors[a], periods[a], halves[a], totals[a], columns[a]![i - backs[a]]);
                }

                var candles = new CandleWindow(open, high, low, close, i);
                var signal = TPattern.Recognize(candles, thresholds, penetration, ref memory);
                if (i >= lookback)
                {
                    output[i] = signal;
                }

                for (var a = 0; a < count; a++)
                {
                    var ranges = columns[a]!;
                    var j = i - backs[a];
                    totals[a] += ranges[j] - ranges[j - periods[a]];
                }
            }
        }
        finally
        {
            for (var type = 0; type < 3; type++)
            {
                if (pooled[type] is { } column)
                {
                    ArrayPool<double>.Shared.Return(column);
                }
            }
        }
    }

    /// <summary>
    /// TA_CANDLEAVERAGE: factor × (total / period, or the candle's own range when the period is 0), halved for shadows.
    /// </summary>
    public static double Threshold(double factor, int period, bool halve, double total, double ownRange)
    {
        var threshold = factor * (period != 0 ? total / period : ownRange);
        return halve ? threshold / 2.0 : threshold;
    }

    /// <summary><see cref="Threshold(double, int, bool, double, double)"/> for one average at the current candle.</summary>
    public static double Threshold(CandleAverage average, double total, scoped in CandleWindow candles)
    {
        var setting = average.Setting;
        var ownRange = candles.Range(setting.RangeType, average.Back);
        return Threshold(setting.Factor, setting.AveragePeriod, setting.RangeType == CandleRangeType.Shadows, total, ownRange);
    }

    /// <summary>What the running total gains after a bar: the newest range minus the one leaving the period.</summary>
    public static double Roll(CandleAverage average, scoped in CandleWindow candles)
    {
        var type = average.Setting.RangeType;
        return candles.Range(type, average.Back) - candles.Range(type, average.Back + average.Setting.AveragePeriod);
    }

    /// <summary>The range of every candle, for one range type.</summary>
    private static void FillRanges(
        CandleRangeType type,
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        Span<double> ranges)
    {
        for (var j = 0; j < ranges.Length; j++)
        {
            ranges[j] = new CandleWindow(open, high, low, close, j).Range(type, 0);
        }
    }

    /// <summary>The range column each candle average reads (several averages share one).</summary>
    [InlineArray(MaxAverages)]
    private struct RangeColumns
    {
        private double[]? _element0;
    }

    /// <summary>The registry entry of a pattern: inputs open, high, low, close (TA-Lib's order) and one output.</summary>
    public static IndicatorDefinition Define<TPattern>(
        string name,
        string taLibFunction,
        string title,
        string description,
        string signal,
        double? defaultPenetration = null)
        where TPattern : struct, ICandlePattern => new()
    {
        Name = name,
        TaLibFunction = taLibFunction,
        Group = IndicatorGroup.Pattern,
        Title = title,
        // The signal's meaning is part of the description too: single-output references list no output details.
        Description = $"{description} Signal: {signal}",
        Inputs =
        [
            new InputSpec("open", InputKind.Open),
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
        ],
        Parameters = defaultPenetration is { } penetration
            ? [ParameterSpec.Real("penetration", penetration, 0, 100, PenetrationDescription)]
            : [],
        Outputs = [new OutputSpec("value", signal)],
        Lookback = static _ => TPattern.Lookback,
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute<TPattern>(i.In0, i.In1, i.In2, i.In3, p.IsEmpty ? 0.0 : p[0], o.Out0),
        CreateStateUnchecked = static p => new CandlePatternState<TPattern>(p.IsEmpty ? 0.0 : p[0]),
    };
}
