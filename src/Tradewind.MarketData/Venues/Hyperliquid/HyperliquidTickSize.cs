namespace Tradewind.MarketData.Venues.Hyperliquid;

/// <summary>
/// Hyperliquid's price and size grid ("Tick and lot size" in its API docs). A perp price may have at most 5
/// significant figures and at most 6 - szDecimals decimals; an integer price is always valid. So the tick depends on
/// the price level: BTC at 113377 (szDecimals 5) ticks by 1, ETH at 3500 (szDecimals 4) by 0.1, a coin at 0.0123
/// (szDecimals 0) by 0.000001. Sizes step by 10^-szDecimals.
/// </summary>
internal static class HyperliquidTickSize
{
    /// <summary>Perp prices carry at most this many decimals before szDecimals is subtracted (spot uses 8).</summary>
    public const int PerpMaxDecimals = 6;

    public const int SignificantFigures = 5;

    /// <summary>The price increment at <paramref name="referencePrice"/> for a perp with <paramref name="szDecimals"/>.</summary>
    public static decimal PerpTick(decimal referencePrice, int szDecimals)
    {
        var finest = PowerOfTen(-Math.Max(0, PerpMaxDecimals - szDecimals));
        if (referencePrice <= 0)
        {
            return finest;
        }

        // The 5th significant figure of a price with leading digit at 10^m sits at 10^(m-4). Integer prices are
        // always allowed, so above 10^5 the tick stays at 1 instead of growing.
        var significant = PowerOfTen(Magnitude(referencePrice) - (SignificantFigures - 1));
        if (significant > 1m)
        {
            significant = 1m;
        }

        return significant > finest ? significant : finest;
    }

    /// <summary>The size increment: 10^-szDecimals.</summary>
    public static decimal LotStep(int szDecimals) => PowerOfTen(-szDecimals);

    /// <summary>floor(log10(value)) for a positive decimal, computed exactly.</summary>
    internal static int Magnitude(decimal value)
    {
        var magnitude = 0;
        while (value >= 10m)
        {
            value /= 10m;
            magnitude++;
        }

        while (value < 1m)
        {
            value *= 10m;
            magnitude--;
        }

        return magnitude;
    }

    internal static decimal PowerOfTen(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        for (var i = 0; i > exponent; i--)
        {
            result /= 10m;
        }

        return result;
    }
}
