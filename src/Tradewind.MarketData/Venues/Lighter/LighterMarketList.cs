using System.Text.Json;

namespace Tradewind.MarketData.Venues.Lighter;

/// <summary>The perp markets of <c>orderBookDetails</c>, looked up by symbol case-insensitively.</summary>
internal sealed class LighterMarketList
{
    private static readonly VenueJson Json = LighterJson.Reader;

    private readonly Dictionary<string, LighterMarket> _bySymbol;

    public LighterMarketList(IReadOnlyList<LighterMarket> markets)
    {
        Markets = markets;
        _bySymbol = new Dictionary<string, LighterMarket>(markets.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var market in markets)
        {
            // An inactive book never shadows an active one with the same symbol.
            if (!_bySymbol.TryGetValue(market.Symbol, out var existing) || (!existing.IsActive && market.IsActive))
            {
                _bySymbol[market.Symbol] = market;
            }
        }
    }

    public IReadOnlyList<LighterMarket> Markets { get; }

    /// <summary>Parses <c>{"code":200,"order_book_details":[...]}</c>; spot books (market_type "spot") are skipped.</summary>
    public static LighterMarketList Parse(JsonElement root, string context)
    {
        LighterJson.EnsureOk(root, context);
        var details = Json.Array(root, "order_book_details", context);
        var markets = new List<LighterMarket>(details.GetArrayLength());
        foreach (var entry in details.EnumerateArray())
        {
            if (entry.TryGetProperty("market_type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("spot"))
            {
                continue;
            }

            markets.Add(new LighterMarket(
                Json.String(entry, "symbol", context),
                (int)Json.Int64(entry, "market_id", context),
                (int)Json.Int64(entry, "price_decimals", context),
                (int)Json.Int64(entry, "size_decimals", context),
                Json.Decimal(entry, "min_base_amount", context),
                Json.Decimal(entry, "min_quote_amount", context),
                (int)Json.Int64(entry, "min_initial_margin_fraction", context),
                !entry.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String || status.ValueEquals("active")));
        }

        return new LighterMarketList(markets);
    }

    public bool TryFind(string symbol, out LighterMarket market) => _bySymbol.TryGetValue(symbol, out market!);

    /// <summary>Up to five active symbols closest to <paramref name="symbol"/>, closest first.</summary>
    public IReadOnlyList<string> Suggest(string symbol)
    {
        var active = new List<string>(Markets.Count);
        foreach (var market in Markets)
        {
            if (market.IsActive)
            {
                active.Add(market.Symbol);
            }
        }

        return SymbolSuggestions.ForName(symbol, active, SymbolSuggestions.Max);
    }
}
