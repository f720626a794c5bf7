namespace Tradewind.MarketData.Sim;

/// <summary>
/// Every parameter of the sim's model in one place. docs/sim-venue.md states the equations that use them; changing a
/// value changes every generated price, so the golden-value test will (rightly) fail.
/// </summary>
internal static class SimModel
{
    public const int MinutesPerDay = 1440;
    public const long MinuteMs = 60_000;
    public const long DayMs = 86_400_000;

    // Stream salts: one independent random stream per purpose.
    public const ulong SaltMarketDaily = 1;
    public const ulong SaltMarketIntraday = 2;
    public const ulong SaltSymbolDaily = 3;
    public const ulong SaltSymbolIntraday = 4;
    public const ulong SaltBasisIntraday = 5;
    public const ulong SaltBook = 6;

    // ---- Regimes (index = SimRegime) ----

    /// <summary>Market drift per day (log return) in each regime.</summary>
    public static ReadOnlySpan<double> RegimeDrift => [0.0003, 0.0030, -0.0025, -0.0300];

    /// <summary>Multiplier of the market's GARCH volatility in each regime.</summary>
    public static ReadOnlySpan<double> RegimeVolatility => [0.75, 1.00, 1.20, 3.00];

    /// <summary>Multiplier of traded volume in each regime.</summary>
    public static ReadOnlySpan<double> RegimeVolume => [0.85, 1.20, 1.00, 2.20];

    /// <summary>Mean perp basis (perp / spot - 1) each regime pulls towards, before the symbol's sensitivity.</summary>
    public static ReadOnlySpan<double> RegimeBasis => [0.0001, 0.0006, -0.0001, -0.0015];

    /// <summary>Daily transition probabilities, row = today's regime, column = tomorrow's (Calm, Bull, Bear, Crash).</summary>
    public static ReadOnlySpan<double> RegimeTransitions =>
    [
        0.9857, 0.0080, 0.0048, 0.0015,
        0.0110, 0.9833, 0.0035, 0.0022,
        0.0130, 0.0060, 0.9778, 0.0032,
        0.0800, 0.0000, 0.1200, 0.8000,
    ];

    // ---- Daily layer ----

    /// <summary>Long-run daily volatility of the market factor (standard deviation of the daily log return).</summary>
    public const double MarketDailyVolatility = 0.028;

    public const double MarketGarchAlpha = 0.08;
    public const double MarketGarchBeta = 0.90;
    public const double IdioGarchAlpha = 0.06;
    public const double IdioGarchBeta = 0.90;

    /// <summary>
    /// Target spread of the log price around the symbol's anchor: each symbol reverts with the speed
    /// kappa = variance / (2 PriceDispersion^2) that gives a stationary standard deviation of this size, so BTC stays
    /// in the tens of thousands and PEPE-like coins stay within a sensible number of ticks.
    /// </summary>
    public const double PriceDispersion = 0.45;

    /// <summary>A day's log return is clamped to +-0.5 (a 39% fall or a 65% rise) so no path can run away.</summary>
    public const double DailyReturnLimit = 0.5;

    /// <summary>Standard deviation of the log-normal noise on a day's volume.</summary>
    public const double DailyVolumeNoise = 0.25;

    /// <summary>Saturday and Sunday trade this fraction of a weekday's volume.</summary>
    public const double WeekendVolume = 0.7;

    // ---- Intraday layer ----

    public const double IntradayGarchAlpha = 0.05;
    public const double IntradayGarchBeta = 0.93;

    /// <summary>The GARCH multiplier of a minute's variance never exceeds this (keeps one jump from dominating a day).</summary>
    public const double IntradayGarchCap = 50.0;

    /// <summary>Chance per minute of a jump in the market path and in a symbol's own path.</summary>
    public const double MarketJumpProbability = 1.0 / 5000.0;

    public const double IdioJumpProbability = 1.0 / 3000.0;

    /// <summary>Jump size: a normal with this many of the minute's standard deviations.</summary>
    public const double JumpSize = 6.0;

    /// <summary>Minute volume multiplier = VolumeBase + VolumeSlope * min(|r| / sd, VolumeShockCap).</summary>
    public const double VolumeBase = 0.4;

    public const double VolumeSlope = 0.8;
    public const double VolumeShockCap = 12.0;

    /// <summary>Standard deviation of the log-normal noise on a minute's volume.</summary>
    public const double MinuteVolumeNoise = 0.35;

    /// <summary>Perpetuals trade this multiple of the spot volume.</summary>
    public const double PerpVolumeRatio = 3.0;

    // ---- Basis and funding ----

    /// <summary>Daily mean reversion of the basis towards its regime mean.</summary>
    public const double BasisReversion = 0.35;

    /// <summary>Daily basis shock (standard deviation), scaled by the regime's volatility multiplier.</summary>
    public const double BasisDailyNoise = 0.0002;

    /// <summary>Per-minute AR(1) coefficient of the intraday basis wiggle (half-life about 34 minutes).</summary>
    public const double BasisMinutePersistence = 0.98;

    /// <summary>Stationary standard deviation of the intraday basis wiggle, scaled by the regime's volatility.</summary>
    public const double BasisMinuteNoise = 0.0003;

    /// <summary>Funding interest component per 8 hours (0.01%, as on Binance and Bybit).</summary>
    public const double FundingInterest = 0.0001;

    /// <summary>The interest-minus-premium term is clamped to +-0.05%.</summary>
    public const double FundingPremiumClamp = 0.0005;

    /// <summary>The funding rate is capped at +-0.75% per 8 hours.</summary>
    public const double FundingCap = 0.0075;

    public const int FundingIntervalMinutes = 480;

    // ---- Top of book ----

    /// <summary>The spread is 1 to this many ticks.</summary>
    public const int MaxSpreadTicks = 3;

    /// <summary>Book sizes are between these fractions of an average minute's volume.</summary>
    public const double BookSizeMin = 0.05;

    public const double BookSizeMax = 0.5;

    /// <summary>The Markov transition: the next regime given today's and a uniform draw on [0, 1).</summary>
    public static SimRegime NextRegime(SimRegime current, double u)
    {
        var row = RegimeTransitions.Slice((int)current * 4, 4);
        var cumulative = 0.0;
        for (var j = 0; j < 3; j++)
        {
            cumulative += row[j];
            if (u < cumulative)
            {
                return (SimRegime)j;
            }
        }

        return SimRegime.Crash;
    }
}
