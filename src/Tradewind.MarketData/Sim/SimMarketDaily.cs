namespace Tradewind.MarketData.Sim;

/// <summary>
/// The market factor, one value per day from genesis: the regime (a Markov chain), and a GARCH(1,1) shock with
/// Student-t innovations scaled by the regime's volatility multiplier. Every symbol loads on it, which is what makes
/// BTC and ETH move together.
/// </summary>
internal sealed class SimMarketDaily
{
    public SimMarketDaily(ulong seed, int days)
    {
        Days = days;
        Regime = new SimRegime[days];
        Shock = new double[days];
        Variance = new double[days];

        var rng = new SimRandom(SimRandom.Key(seed, SimModel.SaltMarketDaily, 0, 0));
        const double longRun = SimModel.MarketDailyVolatility * SimModel.MarketDailyVolatility;
        const double omega = longRun * (1.0 - SimModel.MarketGarchAlpha - SimModel.MarketGarchBeta);
        var h = longRun;
        var regime = SimRegime.Calm;
        for (var d = 0; d < days; d++)
        {
            Regime[d] = regime;
            var lambda = SimModel.RegimeVolatility[(int)regime];
            var e = rng.NextStudentT5();
            Variance[d] = lambda * lambda * h;
            Shock[d] = lambda * Math.Sqrt(h) * e;
            h = omega + (SimModel.MarketGarchAlpha * h * e * e) + (SimModel.MarketGarchBeta * h);
            regime = SimModel.NextRegime(regime, rng.NextDouble());
        }
    }

    public int Days { get; }

    public SimRegime[] Regime { get; }

    /// <summary>The market's zero-mean daily log-return shock u_d.</summary>
    public double[] Shock { get; }

    /// <summary>The conditional variance of <see cref="Shock"/>: lambda(regime)^2 h_d.</summary>
    public double[] Variance { get; }
}
