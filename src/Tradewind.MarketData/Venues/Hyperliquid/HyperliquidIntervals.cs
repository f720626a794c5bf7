using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Hyperliquid;

/// <summary>
/// Tradewind timeframes that map one-to-one onto Hyperliquid candle intervals. Hyperliquid also has 1w, but its weeks
/// open on Thursday (epoch-aligned) while Tradewind weeks open on Monday, so 1w is built from 1d instead.
/// </summary>
internal static class HyperliquidIntervals
{
    public static readonly Timeframe[] Native =
    [
        Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.M30, Timeframe.H1, Timeframe.H4, Timeframe.D1, Timeframe.Month1,
    ];

    /// <summary>The interval string for a native timeframe; false for 1w.</summary>
    public static bool TryGet(Timeframe timeframe, out string interval)
    {
        foreach (var native in Native)
        {
            if (native == timeframe)
            {
                // Tradewind and Hyperliquid spell these identically ("1m" minute, "1M" month).
                interval = native.Name;
                return true;
            }
        }

        interval = string.Empty;
        return false;
    }
}
