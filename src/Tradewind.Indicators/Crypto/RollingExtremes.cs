namespace Tradewind.Indicators.Crypto;

/// <summary>
/// Highest and lowest value over the last `period` bars (the current bar included) on whole spans, as TA-Lib's
/// MAX/MIN do it: remember where the extreme is and rescan the window only when it slides out.
/// </summary>
internal static class RollingExtremes
{
    /// <summary>output[i] = max(values[i-period+1..i]) from i = period-1; earlier bars are left untouched.</summary>
    public static void Highest(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        var extremeIndex = -1;
        var extreme = 0.0;
        for (var i = period - 1; i < values.Length; i++)
        {
            var first = i - period + 1;
            if (extremeIndex < first)
            {
                extremeIndex = first;
                extreme = values[first];
                for (var j = first + 1; j <= i; j++)
                {
                    if (values[j] >= extreme)
                    {
                        extreme = values[j];
                        extremeIndex = j;
                    }
                }
            }
            else if (values[i] >= extreme)
            {
                extreme = values[i];
                extremeIndex = i;
            }

            output[i] = extreme;
        }
    }

    /// <summary>output[i] = min(values[i-period+1..i]) from i = period-1; earlier bars are left untouched.</summary>
    public static void Lowest(ReadOnlySpan<double> values, int period, Span<double> output)
    {
        var extremeIndex = -1;
        var extreme = 0.0;
        for (var i = period - 1; i < values.Length; i++)
        {
            var first = i - period + 1;
            if (extremeIndex < first)
            {
                extremeIndex = first;
                extreme = values[first];
                for (var j = first + 1; j <= i; j++)
                {
                    if (values[j] <= extreme)
                    {
                        extreme = values[j];
                        extremeIndex = j;
                    }
                }
            }
            else if (values[i] <= extreme)
            {
                extreme = values[i];
                extremeIndex = i;
            }

            output[i] = extreme;
        }
    }
}
