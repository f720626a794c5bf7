using System.Text.Json;

namespace Tradewind.MarketData.Venues.Hyperliquid;

/// <summary>The perps listed by <c>{"type":"meta"}</c>, looked up by coin name case-insensitively (tickers are upper-case, coins like kPEPE are not).</summary>
internal sealed class HyperliquidUniverse
{
    private readonly Dictionary<string, HyperliquidAsset> _byName;

    public HyperliquidUniverse(IReadOnlyList<HyperliquidAsset> assets)
    {
        Assets = assets;
        _byName = new Dictionary<string, HyperliquidAsset>(assets.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var asset in assets)
        {
            // A delisted coin never shadows a live one with the same spelling.
            if (!_byName.TryGetValue(asset.Name, out var existing) || (existing.IsDelisted && !asset.IsDelisted))
            {
                _byName[asset.Name] = asset;
            }
        }
    }

    public IReadOnlyList<HyperliquidAsset> Assets { get; }

    /// <summary>Parses the meta object: <c>{"universe":[{"name","szDecimals","maxLeverage",...}], ...}</c>.</summary>
    public static HyperliquidUniverse Parse(JsonElement meta, string context)
    {
        var json = HyperliquidMarketDataProvider.Json;
        var universe = json.ExpectArray(json.Property(meta, "universe", context), context + " universe");
        var assets = new List<HyperliquidAsset>(universe.GetArrayLength());
        var index = 0;
        foreach (var entry in universe.EnumerateArray())
        {
            assets.Add(new HyperliquidAsset(
                json.String(entry, "name", context),
                index,
                (int)json.Int64(entry, "szDecimals", context),
                (int)json.Int64(entry, "maxLeverage", context),
                VenueJson.IsTrue(entry, "isDelisted")));
            index++;
        }

        return new HyperliquidUniverse(assets);
    }

    public bool TryFind(string coin, out HyperliquidAsset asset) => _byName.TryGetValue(coin, out asset!);

    /// <summary>Up to five listed coins closest to <paramref name="coin"/>, closest first; delisted coins are left out.</summary>
    public IReadOnlyList<string> Suggest(string coin)
    {
        var live = new List<string>(Assets.Count);
        foreach (var asset in Assets)
        {
            if (!asset.IsDelisted)
            {
                live.Add(asset.Name);
            }
        }

        return SymbolSuggestions.ForName(coin, live, SymbolSuggestions.Max);
    }
}
