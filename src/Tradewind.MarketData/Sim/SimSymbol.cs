using Tradewind.Core;

namespace Tradewind.MarketData.Sim;

/// <summary>One sim asset, quoted in USDT as a spot pair and a perpetual, with its model and trading parameters.</summary>
internal sealed class SimSymbol
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <param name="base">The base asset, e.g. BTC.</param>
    /// <param name="anchorPrice">The level the price starts at and reverts to (USDT).</param>
    /// <param name="beta">Loading on the market factor.</param>
    /// <param name="idioVolatility">Long-run daily volatility of the asset's own (idiosyncratic) return.</param>
    /// <param name="dailyQuoteVolume">Average spot volume per day at the anchor, in USDT.</param>
    /// <param name="spotTickDecimals">Spot tick = 10^-d.</param>
    /// <param name="perpTickDecimals">Perpetual tick = 10^-d.</param>
    /// <param name="spotLotDecimals">Spot lot step = 10^-d.</param>
    /// <param name="perpLotDecimals">Perpetual lot step = 10^-d.</param>
    /// <param name="maxLeverage">Perpetual leverage cap.</param>
    /// <param name="perpMinNotional">Perpetual minimum order value, USDT.</param>
    /// <param name="basisSensitivity">How strongly the perp basis follows the regime.</param>
    public SimSymbol(
        string @base,
        double anchorPrice,
        double beta,
        double idioVolatility,
        double dailyQuoteVolume,
        int spotTickDecimals,
        int perpTickDecimals,
        int spotLotDecimals,
        int perpLotDecimals,
        int maxLeverage,
        decimal perpMinNotional,
        double basisSensitivity)
    {
        Base = @base;
        AnchorPrice = anchorPrice;
        Beta = beta;
        IdioVolatility = idioVolatility;
        DailyQuoteVolume = dailyQuoteVolume;
        SpotTickDecimals = spotTickDecimals;
        PerpTickDecimals = perpTickDecimals;
        SpotLotDecimals = spotLotDecimals;
        PerpLotDecimals = perpLotDecimals;
        MaxLeverage = maxLeverage;
        PerpMinNotional = perpMinNotional;
        BasisSensitivity = basisSensitivity;

        var hash = FnvOffset;
        foreach (var c in @base)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        Hash = hash;
        LogAnchor = SimMath.Log(anchorPrice);
        SpotTickScale = PowerOfTen(spotTickDecimals);
        PerpTickScale = PowerOfTen(perpTickDecimals);
        SpotLotScale = PowerOfTen(spotLotDecimals);
        PerpLotScale = PowerOfTen(perpLotDecimals);
        ReferenceVariance = (beta * beta * SimModel.MarketDailyVolatility * SimModel.MarketDailyVolatility)
            + (idioVolatility * idioVolatility);

        MeanReversion = ReferenceVariance / (2.0 * SimModel.PriceDispersion * SimModel.PriceDispersion);

        // Volumes are whole multiples of a power of two, about 2^-20 of a typical minute's volume: then any sum of
        // them (1m -> 1h -> 1d -> 1M) is exact in a double, whatever the order of addition.
        var typicalMinute = dailyQuoteVolume / anchorPrice / SimModel.MinutesPerDay;
        var quantum = 1.0;
        while (quantum > typicalMinute / 1048576.0)
        {
            quantum *= 0.5;
        }

        while (quantum * 2.0 <= typicalMinute / 1048576.0)
        {
            quantum *= 2.0;
        }

        VolumeQuantum = quantum;
        Spot = new Ticker(ExchangeId.Sim, @base, "USDT");
        Perpetual = new Ticker(ExchangeId.Sim, @base, "USDT", "USDT");
    }

    public string Base { get; }

    public double AnchorPrice { get; }

    public double Beta { get; }

    public double IdioVolatility { get; }

    public double DailyQuoteVolume { get; }

    public int SpotTickDecimals { get; }

    public int PerpTickDecimals { get; }

    public int SpotLotDecimals { get; }

    public int PerpLotDecimals { get; }

    public int MaxLeverage { get; }

    public decimal PerpMinNotional { get; }

    public double BasisSensitivity { get; }

    /// <summary>FNV-1a of the base name: the symbol's key in every random stream (stable when symbols are added).</summary>
    public ulong Hash { get; }

    public double LogAnchor { get; }

    /// <summary>1 / tick: prices are round(p * scale) / scale, the nearest double to a whole number of ticks.</summary>
    public double SpotTickScale { get; }

    public double PerpTickScale { get; }

    public double SpotLotScale { get; }

    public double PerpLotScale { get; }

    /// <summary>Long-run variance of the daily log return (beta^2 market + idiosyncratic).</summary>
    public double ReferenceVariance { get; }

    /// <summary>Daily pull of the log price towards its anchor (see <see cref="SimModel.PriceDispersion"/>).</summary>
    public double MeanReversion { get; }

    public double VolumeQuantum { get; }

    public Ticker Spot { get; }

    public Ticker Perpetual { get; }

    public double TickScale(bool perpetual) => perpetual ? PerpTickScale : SpotTickScale;

    private static double PowerOfTen(int decimals)
    {
        var scale = 1.0;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10.0;
        }

        return scale;
    }
}
