using System.Globalization;
using System.Text.Json;
using Tradewind.Core;

namespace Tradewind.MarketData.Venues.Lighter;

/// <summary>
/// Lighter's JSON: the shared readers (<see cref="Reader"/>; Lighter mixes JSON numbers in candles and daily stats with
/// decimal strings in prices, sizes and funding rates) and the <c>code</c> every answer carries.
/// </summary>
internal static class LighterJson
{
    public static readonly VenueJson Reader = new(
        "Lighter",
        "The base URL may not point at Lighter's API (https://mainnet.zklighter.elliot.ai), or the API changed; check the endpoint configuration.");

    /// <summary>Lighter wraps every answer in <c>{"code":200,...}</c>; any other code carries a <c>message</c>.</summary>
    public static void EnsureOk(JsonElement root, string context)
    {
        var code = Reader.Property(Reader.Expect(root, JsonValueKind.Object, context), "code", context);
        if (code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out var value))
        {
            throw Reader.BadValue(code, "field 'code'", context, -1, "an integer");
        }

        if (value != 200)
        {
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            throw new TradewindException(
                ErrorCode.VenueError,
                $"Lighter {context} answered code {value.ToString(CultureInfo.InvariantCulture)}: {message ?? "(no message)"}.",
                "Check the market id, resolution and time range against Lighter's API reference (apidocs.lighter.xyz).");
        }
    }
}
