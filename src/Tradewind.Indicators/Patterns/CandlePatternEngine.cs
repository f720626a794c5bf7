namespace Tradewind.Indicators.Patterns;

/// <summary>
/// Runs an <see cref="ICandlePattern"/> over whole series and builds its registry definition. The running totals
/// behind each candle average are seeded and rolled exactly as TA-Lib's CDL functions do (sum the period's ranges in
/// order, then after each bar add the newest range minus the oldest), so thresholds match TA-Lib to the last bit.
/// </summary>
internal static class CandlePatternEngine
{
    /// <summary>Most candle averages any pattern uses (TA-Lib's three white soldiers uses eight).</summary>
    public const int MaxAverages = 12;

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
        Span<double> totals = stackalloc double[MaxAverages];
        Span<double> thresholds = stackalloc double[MaxAverages];
        totals.Clear();
        for (var a = 0; a < averages.Length; a++)
        {
            var average = averages[a];
            var setting = average.Setting;
            for (var t = start - setting.AveragePeriod; t < start; t++)
            {
                totals[a] += new CandleWindow(open, high, low, close, t, -1).Range(setting.RangeType, average.Back);
            }
        }

        thresholds = thresholds[..averages.Length];
        var memory = new CandlePatternMemory();
        for (var i = start; i < n; i++)
        {
            var candles = new CandleWindow(open, high, low, close, i, -1);
            for (var a = 0; a < averages.Length; a++)
            {
                thresholds[a] = Threshold(averages[a], totals[a], candles);
            }

            var signal = TPattern.Recognize(candles, thresholds, penetration, ref memory);
            if (i >= lookback)
            {
                output[i] = signal;
            }

            for (var a = 0; a < averages.Length; a++)
            {
                totals[a] += Roll(averages[a], candles);
            }
        }
    }

    /// <summary>
    /// TA_CANDLEAVERAGE: factor × (total / period, or the candle's own range when the period is 0), halved for shadows.
    /// </summary>
    public static double Threshold(CandleAverage average, double total, scoped in CandleWindow candles)
    {
        var setting = average.Setting;
        var mean = setting.AveragePeriod != 0 ? total / setting.AveragePeriod : candles.Range(setting.RangeType, average.Back);
        var threshold = setting.Factor * mean;
        return setting.RangeType == CandleRangeType.Shadows ? threshold / 2.0 : threshold;
    }

    /// <summary>What the running total gains after a bar: the newest range minus the one leaving the period.</summary>
    public static double Roll(CandleAverage average, scoped in CandleWindow candles)
    {
        var type = average.Setting.RangeType;
        return candles.Range(type, average.Back) - candles.Range(type, average.Back + average.Setting.AveragePeriod);
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
        Description = description,
        Inputs =
        [
            new InputSpec("open", InputKind.Open),
            new InputSpec("high", InputKind.High),
            new InputSpec("low", InputKind.Low),
            new InputSpec("close", InputKind.Close),
        ],
        Parameters = defaultPenetration is { } penetration
            ? [ParameterSpec.Real("penetration", penetration, 0, 100, "How far the last candle must close into the first candle's real body, as a fraction of that body.")]
            : [],
        Outputs = [new OutputSpec("value", signal)],
        Lookback = static _ => TPattern.Lookback,
        Kernel = static (in IndicatorInputs i, ReadOnlySpan<double> p, in IndicatorOutputs o) =>
            Compute<TPattern>(i.In0, i.In1, i.In2, i.In3, p.IsEmpty ? 0.0 : p[0], o.Out0),
        CreateStateUnchecked = static p => new CandlePatternState<TPattern>(p.IsEmpty ? 0.0 : p[0]),
    };
}
