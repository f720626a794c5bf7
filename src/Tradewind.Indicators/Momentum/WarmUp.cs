namespace Tradewind.Indicators.Momentum;

/// <summary>The NaN warm-up every batch kernel writes before its first value.</summary>
internal static class WarmUp
{
    /// <summary>
    /// Writes NaN over the first <paramref name="lookback"/> of the <paramref name="n"/> bars of
    /// <paramref name="output"/> (all of them when n &lt;= lookback); false when no bar is left to compute.
    /// </summary>
    public static bool Fill(Span<double> output, int n, int lookback)
    {
        if (n <= lookback)
        {
            output[..n].Fill(double.NaN);
            return false;
        }

        output[..lookback].Fill(double.NaN);
        return true;
    }
}
