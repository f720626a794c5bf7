namespace Tradewind.MarketData.Sim;

/// <summary>
/// One symbol's daily layer from genesis: each day's opening log price, its return split into the market part and
/// the symbol's own part, the variance the intraday layer spreads over the minutes, the day's volume and the perp
/// basis at midnight. Cheap (a few thousand steps), so it is computed once and the intraday layer can jump to any day.
/// </summary>
internal sealed class SimSymbolDaily
{
    public SimSymbolDaily(ulong seed, SimSymbol symbol, SimMarketDaily market, long genesisUnixDay)
    {
        var days = market.Days;
        Symbol = symbol;
        LogOpen = new double[days + 1];
        IdioTarget = new double[days];
        IdioVariance = new double[days];
        QuoteVolume = new double[days];
        Basis = new double[days + 1];

        var rng = new SimRandom(SimRandom.Key(seed, SimModel.SaltSymbolDaily, symbol.Hash, 0));
        var beta = symbol.Beta;
        var longRun = symbol.IdioVolatility * symbol.IdioVolatility;
        var omega = longRun * (1.0 - SimModel.IdioGarchAlpha - SimModel.IdioGarchBeta);
        var k = longRun;
        var logPrice = symbol.LogAnchor;
        var basis = SimModel.RegimeBasis[(int)SimRegime.Calm] * symbol.BasisSensitivity;
        const double volumeDrift = -0.5 * SimModel.DailyVolumeNoise * SimModel.DailyVolumeNoise;
        for (var d = 0; d < days; d++)
        {
            var regime = (int)market.Regime[d];
            var eps = rng.NextStudentT5();
            var own = Math.Sqrt(k) * eps;
            var marketPart = beta * market.Shock[d];
            var drift = (beta * SimModel.RegimeDrift[regime]) - (symbol.MeanReversion * (logPrice - symbol.LogAnchor));
            var r = Math.Clamp(drift + marketPart + own, -SimModel.DailyReturnLimit, SimModel.DailyReturnLimit);

            LogOpen[d] = logPrice;
            IdioTarget[d] = r - marketPart;
            IdioVariance[d] = k;
            logPrice += r;

            // Volume: more when the day is turbulent (volume scales with the day's volatility), less at weekends.
            var dayVariance = (beta * beta * market.Variance[d]) + k;
            var weekday = (genesisUnixDay + d + 4) % 7; // 1970-01-01 was a Thursday: 0 = Sunday, 6 = Saturday
            var weekend = weekday is 0 or 6 ? SimModel.WeekendVolume : 1.0;
            var noise = SimMath.Exp((SimModel.DailyVolumeNoise * rng.NextNormal()) + volumeDrift);
            QuoteVolume[d] = symbol.DailyQuoteVolume * SimModel.RegimeVolume[regime] * weekend
                * Math.Sqrt(dayVariance / symbol.ReferenceVariance) * noise;

            Basis[d] = basis;
            var lambda = SimModel.RegimeVolatility[regime];
            basis += (SimModel.BasisReversion * ((symbol.BasisSensitivity * SimModel.RegimeBasis[regime]) - basis))
                + (SimModel.BasisDailyNoise * lambda * rng.NextNormal());

            k = omega + (SimModel.IdioGarchAlpha * k * eps * eps) + (SimModel.IdioGarchBeta * k);
        }

        LogOpen[days] = logPrice;
        Basis[days] = basis;
    }

    public SimSymbol Symbol { get; }

    /// <summary>Log price at each day's 00:00 UTC; entry d+1 is day d's close. Length days + 1.</summary>
    public double[] LogOpen { get; }

    /// <summary>The day's log return minus the market part beta u_d: what the symbol's own minute path must add up to.</summary>
    public double[] IdioTarget { get; }

    /// <summary>The day's idiosyncratic variance k_d (GARCH).</summary>
    public double[] IdioVariance { get; }

    /// <summary>The day's spot volume in USDT.</summary>
    public double[] QuoteVolume { get; }

    /// <summary>Perp basis (perp / spot - 1) at each day's 00:00 UTC. Length days + 1.</summary>
    public double[] Basis { get; }
}
