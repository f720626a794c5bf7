namespace Tradewind.MarketData.Sim;

/// <summary>
/// The intraday shape of volatility and volume, per minute of the UTC day. Crypto trades around the clock but is
/// busiest when the US session opens (13:30-16:00 UTC), with smaller bumps at the Asian (00:00) and European (08:00)
/// opens, and quietest in the early Asian morning.
/// </summary>
internal static class SimSeasonality
{
    /// <summary>Relative standard deviation of returns at the start of each UTC hour; minutes between are interpolated.</summary>
    public static ReadOnlySpan<double> HourlyVolatility =>
    [
        1.10, 1.05, 0.95, 0.85, 0.80, 0.78, 0.80, 0.88, 1.00, 0.98, 0.92, 0.92,
        1.00, 1.15, 1.35, 1.35, 1.25, 1.12, 1.05, 1.00, 1.00, 0.95, 0.92, 0.98,
    ];

    /// <summary>Share of the day's return variance in each minute (sums to 1).</summary>
    public static double[] VarianceWeight { get; } = Build(power: 2);

    /// <summary>1 / sqrt(VarianceWeight): turns a minute's move into units of a typical minute's standard deviation.</summary>
    public static double[] InverseSdWeight { get; } = Inverse(VarianceWeight);

    /// <summary>
    /// Share of the day's volume in each minute (sums to 1), proportional to the variance shape. The volume's response
    /// to the size of each move (SimModel.VolumeSlope) adds to it: the busiest hours trade 2-3 times the quietest.
    /// </summary>
    public static double[] VolumeWeight { get; } = Build(power: 2);

    private static double[] Inverse(double[] variance)
    {
        var inverse = new double[variance.Length];
        for (var i = 0; i < variance.Length; i++)
        {
            inverse[i] = 1.0 / Math.Sqrt(variance[i]);
        }

        return inverse;
    }

    private static double[] Build(int power)
    {
        var knots = HourlyVolatility;
        var weights = new double[SimModel.MinutesPerDay];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var hour = i / 60;
            var t = (i % 60) / 60.0;
            var sd = (knots[hour] * (1.0 - t)) + (knots[(hour + 1) % 24] * t);
            var w = sd;
            for (var p = 1; p < power; p++)
            {
                w *= sd;
            }

            weights[i] = w;
            total += w;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= total;
        }

        return weights;
    }
}
