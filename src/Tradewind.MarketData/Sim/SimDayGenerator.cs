namespace Tradewind.MarketData.Sim;

/// <summary>
/// The intraday layer: the 1440 one-minute bars of one (symbol, day), drawn from streams keyed by (seed, symbol, day)
/// and bridged so the day ends exactly at the close the daily layer fixed. A generator owns its scratch buffers and
/// is reused day after day, so the per-minute loops allocate nothing. Not thread-safe: one per request.
/// </summary>
internal sealed class SimDayGenerator
{
    private const int Minutes = SimModel.MinutesPerDay;

    private readonly ulong _seed;
    private readonly SimDailyLayer _layer;
    private readonly SimSymbolDaily _daily;
    private readonly SimSymbol _symbol;
    private readonly bool _perpetual;
    private readonly double _tickScale;
    private readonly double[] _marketReturn = new double[Minutes];
    private readonly double[] _marketVariance = new double[Minutes];
    private readonly double[] _ownReturn = new double[Minutes];
    private readonly double[] _ownVariance = new double[Minutes];
    private readonly double[] _logPrice = new double[Minutes + 1];
    private int _marketDay = -1;
    private int _basisDay = -1;

    public SimDayGenerator(ulong seed, SimDailyLayer layer, SimSymbol symbol, bool perpetual)
    {
        _seed = seed;
        _layer = layer;
        _symbol = symbol;
        _daily = layer.For(symbol);
        _perpetual = perpetual;
        _tickScale = symbol.TickScale(perpetual);
    }

    /// <summary>The day whose bars the arrays hold (-1 before the first <see cref="Generate"/>).</summary>
    public int Day { get; private set; } = -1;

    public SimSymbol Symbol => _symbol;

    public bool IsPerpetual => _perpetual;

    public double[] Open { get; } = new double[Minutes];

    public double[] High { get; } = new double[Minutes];

    public double[] Low { get; } = new double[Minutes];

    public double[] Close { get; } = new double[Minutes];

    public double[] Volume { get; } = new double[Minutes];

    /// <summary>The unrounded instrument price at each minute boundary (entry i = open of minute i). Length 1441.</summary>
    public double[] Price { get; } = new double[Minutes + 1];

    /// <summary>The perp basis at each minute boundary, after <see cref="GenerateBasis"/>. Length 1441.</summary>
    public double[] Basis { get; } = new double[Minutes + 1];

    /// <summary>Rounds a price to the instrument's tick (never below one tick).</summary>
    public double RoundToTick(double price) => Math.Max(1.0, Math.Round(price * _tickScale)) / _tickScale;

    /// <summary>Fills the bar arrays with day <paramref name="day"/> (days since genesis).</summary>
    public void Generate(int day)
    {
        if (day == Day)
        {
            return;
        }

        var market = _layer.Market;
        if (_marketDay != day)
        {
            var marketRng = new SimRandom(SimRandom.Key(_seed, SimModel.SaltMarketIntraday, 0, day));
            SimulatePath(ref marketRng, market.Variance[day], market.Shock[day], _marketReturn, _marketVariance, SimModel.MarketJumpProbability);
            _marketDay = day;
        }

        var rng = new SimRandom(SimRandom.Key(_seed, SimModel.SaltSymbolIntraday, _symbol.Hash, day));
        SimulatePath(ref rng, _daily.IdioVariance[day], _daily.IdioTarget[day], _ownReturn, _ownVariance, SimModel.IdioJumpProbability);

        var beta = _symbol.Beta;
        var beta2 = beta * beta;
        var logPrice = _daily.LogOpen[day];
        var path = _logPrice;
        path[0] = logPrice;
        for (var i = 0; i < Minutes - 1; i++)
        {
            logPrice += (beta * _marketReturn[i]) + _ownReturn[i];
            path[i + 1] = logPrice;
        }

        // Both ends are pinned to the daily layer, so a day's first open is bit-for-bit the previous day's last close.
        path[Minutes] = _daily.LogOpen[day + 1];

        var price = Price;
        if (_perpetual)
        {
            GenerateBasis(day);
            var basis = Basis;
            for (var i = 0; i <= Minutes; i++)
            {
                price[i] = SimMath.Exp(path[i]) * (1.0 + basis[i]);
            }
        }
        else
        {
            for (var i = 0; i <= Minutes; i++)
            {
                price[i] = SimMath.Exp(path[i]);
            }
        }

        FillBars(ref rng, day, beta2);
        Day = day;
    }

    /// <summary>
    /// Fills <see cref="Basis"/> for a day: linear from the daily layer's midnight basis to the next midnight's, plus an
    /// AR(1) wiggle pinned to zero at both ends. Funding reads it without generating prices.
    /// </summary>
    public void GenerateBasis(int day)
    {
        if (day == _basisDay)
        {
            return;
        }

        var rng = new SimRandom(SimRandom.Key(_seed, SimModel.SaltBasisIntraday, _symbol.Hash, day));
        var lambda = SimModel.RegimeVolatility[(int)_layer.Market.Regime[day]];
        const double phi = SimModel.BasisMinutePersistence;
        var innovation = SimModel.BasisMinuteNoise * lambda * Math.Sqrt(1.0 - (phi * phi));
        var basis = Basis;
        var eta = 0.0;
        for (var i = 1; i <= Minutes; i++)
        {
            eta = (phi * eta) + (innovation * rng.NextNormal());
            basis[i] = eta;
        }

        var start = _daily.Basis[day];
        var end = _daily.Basis[day + 1];
        var etaEnd = eta;
        basis[0] = start;
        for (var i = 1; i < Minutes; i++)
        {
            var w = i / (double)Minutes;
            basis[i] = start + (w * (end - start)) + basis[i] - (w * etaEnd);
        }

        basis[Minutes] = end;
        _basisDay = day;
    }

    /// <summary>
    /// Draws a day's minute log returns: Student-t(4) innovations, a GARCH(1,1) multiplier with mean 1, rare jumps, and the
    /// intraday seasonal shape; then bridges them (each minute moved in proportion to its variance) to sum to
    /// <paramref name="target"/>.
    /// </summary>
    private static void SimulatePath(ref SimRandom rng, double dayVariance, double target, double[] returns, double[] variances, double jumpProbability)
    {
        const double alpha = SimModel.IntradayGarchAlpha;
        const double betaG = SimModel.IntradayGarchBeta;
        const double jump2 = SimModel.JumpSize * SimModel.JumpSize;

        // E[e^2] = 1 + p J^2 with jumps; omega keeps the multiplier's mean at 1.
        var omega = 1.0 - (alpha * (1.0 + (jumpProbability * jump2))) - betaG;
        var weights = SimSeasonality.VarianceWeight;

        // Jump minutes arrive as a Bernoulli(p) process; the gap to the next one is geometric, drawn once per jump.
        var logKeep = SimMath.Log(1.0 - jumpProbability);
        var nextJump = NextJump(ref rng, -1, logKeep);
        var g = 1.0;
        var sum = 0.0;
        var varianceSum = 0.0;
        for (var i = 0; i < Minutes; i++)
        {
            var v = dayVariance * weights[i] * g;
            var e = rng.NextStudentT4();
            if (i == nextJump)
            {
                e += SimModel.JumpSize * rng.NextNormal();
                nextJump = NextJump(ref rng, i, logKeep);
            }

            var r = Math.Sqrt(v) * e;
            returns[i] = r;
            variances[i] = v;
            sum += r;
            varianceSum += v;
            g = Math.Min(omega + (alpha * g * e * e) + (betaG * g), SimModel.IntradayGarchCap);
        }

        var adjust = (target - sum) / varianceSum;
        for (var i = 0; i < Minutes; i++)
        {
            returns[i] += adjust * variances[i];
        }
    }

    private static int NextJump(ref SimRandom rng, int after, double logKeep)
    {
        var gap = Math.Floor(SimMath.Log(rng.NextOpenUnit()) / logKeep);
        return after + 1 + (int)Math.Min(gap, Minutes);
    }

    private void FillBars(ref SimRandom rng, int day, double beta2)
    {
        var path = _logPrice;
        var price = Price;
        var basis = Basis;
        var perpetual = _perpetual;
        var inverseDaySd = 1.0 / Math.Sqrt((beta2 * _layer.Market.Variance[day]) + _daily.IdioVariance[day]);
        var inverseSdWeights = SimSeasonality.InverseSdWeight;
        var volumeWeights = SimSeasonality.VolumeWeight;
        var baseVolume = _daily.QuoteVolume[day] / SimMath.Exp(_daily.LogOpen[day]);
        if (perpetual)
        {
            baseVolume *= SimModel.PerpVolumeRatio;
        }

        var quantum = _symbol.VolumeQuantum;
        var inverseQuantum = 1.0 / quantum;
        const double noiseDrift = -0.5 * SimModel.MinuteVolumeNoise * SimModel.MinuteVolumeNoise;
        var open = RoundToTick(price[0]);
        for (var i = 0; i < Minutes; i++)
        {
            var a = path[i];
            var b = path[i + 1];
            var d = b - a;
            var v = (beta2 * _marketVariance[i]) + _ownVariance[i];

            // Extremes of a Brownian bridge from a to b with variance v: P(max > m) = exp(-2 (m - a)(m - b) / v).
            var highLog = 0.5 * (a + b + Math.Sqrt((d * d) - (2.0 * v * SimMath.Log(rng.NextOpenUnit()))));
            var lowLog = 0.5 * (a + b - Math.Sqrt((d * d) - (2.0 * v * SimMath.Log(rng.NextOpenUnit()))));
            var high = SimMath.Exp(highLog);
            var low = SimMath.Exp(lowLog);
            if (perpetual)
            {
                high *= 1.0 + Math.Max(basis[i], basis[i + 1]);
                low *= 1.0 + Math.Min(basis[i], basis[i + 1]);
            }

            var close = RoundToTick(price[i + 1]);
            Open[i] = open;
            Close[i] = close;
            High[i] = Math.Max(RoundToTick(high), Math.Max(open, close));
            Low[i] = Math.Min(RoundToTick(low), Math.Min(open, close));
            open = close;

            // Volume follows the seasonal shape and rises with the size of the move relative to a normal minute.
            var shock = Math.Min(Math.Abs(d) * inverseDaySd * inverseSdWeights[i], SimModel.VolumeShockCap);
            var noise = SimMath.Exp((SimModel.MinuteVolumeNoise * rng.NextNormal()) + noiseDrift);
            var volume = baseVolume * volumeWeights[i] * (SimModel.VolumeBase + (SimModel.VolumeSlope * shock)) * noise;
            Volume[i] = Math.Max(1.0, Math.Round(volume * inverseQuantum)) * quantum;
        }
    }
}
