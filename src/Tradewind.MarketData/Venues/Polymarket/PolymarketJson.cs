using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Polymarket;

/// <summary>
/// Polymarket's JSON: one shared reader per API, so a message says which base URL to check (prices arrive as decimal
/// strings on the CLOB, "0.48", and as numbers in price history and on Gamma), and the CLOB's error object.
/// </summary>
internal static class PolymarketJson
{
    private const string ApiHint =
        "The base URL may not point at Polymarket's API (CLOB https://clob.polymarket.com, Gamma https://gamma-api.polymarket.com), or the API changed; check the endpoint configuration.";

    public static readonly VenueJson Clob = new("Polymarket CLOB", ApiHint);

    public static readonly VenueJson Gamma = new("Polymarket Gamma", ApiHint);

    /// <summary>The CLOB reports some failures as <c>{"error":"..."}</c>; turn those into a clear error.</summary>
    public static void EnsureNoError(JsonElement root, string context)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            throw new TradewindException(
                ErrorCode.VenueError,
                $"{Clob.Source} {context} answered an error: {error.GetString()}.",
                "Check the token id: it must be a CLOB token id from a market's clobTokenIds on Gamma, not a condition id or slug.");
        }
    }
}
