using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Polymarket;

/// <summary>
/// How finely to sample <c>prices-history</c> for each timeframe (<c>fidelity</c>, in minutes) and how much time one
/// request covers. Several points per bar make the built high and low meaningful; windows of at most 15 days and about
/// 1440 points keep each request inside the API's range limits.
/// </summary>
internal static class PolymarketFidelity
{
    public const long MaxWindowMs = 15L * 86_400_000;

    /// <summary>Sampling step in minutes for bars of <paramref name="timeframe"/>.</summary>
    public static int Minutes(Timeframe timeframe) => timeframe.Name switch
    {
        "1m" or "5m" or "15m" => 1,
        "30m" or "1h" => 5,
        "4h" => 15,
        "1d" => 60,
        "1w" => 360,
        _ => 1440, // 1M
    };

    /// <summary>Milliseconds one request covers at <paramref name="fidelityMinutes"/>: 1440 points, at most 15 days.</summary>
    public static long WindowMs(int fidelityMinutes) => Math.Min(MaxWindowMs, 1440L * fidelityMinutes * 60_000);
}
