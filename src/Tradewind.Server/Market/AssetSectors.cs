using System.Collections.Frozen;

namespace Tradewind.Server.Market;

/// <summary>
/// The sector of well-known assets for <c>GET /market/symbols?sector=</c>. Venues publish no sectors, so Tradewind keeps
/// this short list itself; an asset not listed has no sector and only matches when no sector filter is given.
/// </summary>
internal static class AssetSectors
{
    private static readonly FrozenDictionary<string, string> ByAsset = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["BTC"] = "L1", ["ETH"] = "L1", ["SOL"] = "L1", ["BNB"] = "L1", ["XRP"] = "L1", ["ADA"] = "L1", ["AVAX"] = "L1",
        ["DOT"] = "L1", ["TRX"] = "L1", ["ATOM"] = "L1", ["NEAR"] = "L1", ["APT"] = "L1", ["SUI"] = "L1", ["XLM"] = "L1",
        ["LTC"] = "L1", ["BCH"] = "L1", ["TON"] = "L1", ["SEI"] = "L1", ["HYPE"] = "L1", ["TIA"] = "L1", ["INJ"] = "L1",
        ["ARB"] = "L2", ["OP"] = "L2", ["POL"] = "L2", ["MATIC"] = "L2", ["STRK"] = "L2", ["MNT"] = "L2", ["ZK"] = "L2",
        ["UNI"] = "DeFi", ["LINK"] = "DeFi", ["AAVE"] = "DeFi", ["MKR"] = "DeFi", ["CRV"] = "DeFi", ["LDO"] = "DeFi",
        ["JUP"] = "DeFi", ["PENDLE"] = "DeFi", ["ENA"] = "DeFi", ["DYDX"] = "DeFi", ["COMP"] = "DeFi", ["SNX"] = "DeFi",
        ["FET"] = "AI", ["RENDER"] = "AI", ["RNDR"] = "AI", ["TAO"] = "AI", ["WLD"] = "AI", ["AGIX"] = "AI", ["VIRTUAL"] = "AI",
        ["DOGE"] = "Meme", ["SHIB"] = "Meme", ["PEPE"] = "Meme", ["WIF"] = "Meme", ["BONK"] = "Meme", ["FLOKI"] = "Meme",
        ["FIL"] = "Infrastructure", ["AR"] = "Infrastructure", ["GRT"] = "Infrastructure",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Names { get; } = ByAsset.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public static string? Of(string asset) => ByAsset.TryGetValue(asset, out var sector) ? sector : null;
}
