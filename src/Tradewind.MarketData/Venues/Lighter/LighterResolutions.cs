using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Lighter;

/// <summary>
/// Tradewind timeframes Lighter's <c>candles</c> serves directly (its resolutions are 1m 5m 15m 30m 1h 4h 12h 1d 1w).
/// Lighter has no month, and its week boundary is not documented, so 1w and 1M are built from 1d.
/// </summary>
internal static class LighterResolutions
{
    public static readonly Timeframe[] Native =
    [
        Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.M30, Timeframe.H1, Timeframe.H4, Timeframe.D1,
    ];

    public static bool TryGet(Timeframe timeframe, out string resolution)
    {
        foreach (var native in Native)
        {
            if (native == timeframe)
            {
                resolution = native.Name;
                return true;
            }
        }

        resolution = string.Empty;
        return false;
    }
}
