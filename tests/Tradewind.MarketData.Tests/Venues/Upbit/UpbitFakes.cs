using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues.Upbit;

namespace Tradewind.MarketData.Tests.Venues.Upbit;

/// <summary>
/// A fake Upbit: answers candle requests like the real API (the <c>count</c> newest candles opening before the
/// exclusive <c>to</c>, newest first; no candle where nothing traded) by cloning the documented example candle, with
/// both the UTC and the KST time fields. Other endpoints answer with the documented examples in
/// tests/fixtures/venues/upbit.
/// </summary>
internal static class UpbitFakes
{
    private const long KstOffset = 9 * 3_600_000L;

    public static string Fixture(string name) => VenueTestKit.Fixture("upbit", name);

    public static double OpenAt(long time) => 50_000_000 + (time / 60_000 % 997) * 1000;

    public static string Candles(
        string templateFixture, Timeframe timeframe, long to, int count, Func<long, bool>? missing = null, long dataStart = long.MinValue)
    {
        var template = JsonNode.Parse(Fixture(templateFixture))!.AsArray()[0]!;
        var rows = new JsonArray();
        var t = timeframe.Floor(to - 1);
        while (rows.Count < count && t >= dataStart)
        {
            if (missing?.Invoke(t) != true)
            {
                rows.Add(Row(template, timeframe, t));
            }

            t = timeframe.Floor(t - 1);
        }

        return rows.ToJsonString();
    }

    public static JsonNode Row(JsonNode template, Timeframe timeframe, long t)
    {
        var row = template.DeepClone();
        var open = OpenAt(t);
        row["candle_date_time_utc"] = Iso(t);
        row["candle_date_time_kst"] = Iso(t + KstOffset);
        row["opening_price"] = open;
        row["high_price"] = open + 2000;
        row["low_price"] = open - 2000;
        row["trade_price"] = open + 500;
        row["timestamp"] = timeframe.Next(t) - 1;
        row["candle_acc_trade_volume"] = 1 + (t / 60_000 % 7) * 0.5;
        return row;
    }

    public static string Iso(long t) =>
        DateTimeOffset.FromUnixTimeMilliseconds(t).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static long ParseTo(string to) =>
        DateTimeOffset.Parse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).ToUnixTimeMilliseconds();

    /// <summary>Maps a candle endpoint that pages like Upbit's.</summary>
    public static void MapCandles(
        WebApplication app, string path, string templateFixture, Timeframe timeframe,
        Func<long, bool>? missing = null, long dataStart = long.MinValue, Action<HttpContext>? onRequest = null)
    {
        app.MapGet(path, (HttpContext ctx) =>
        {
            onRequest?.Invoke(ctx);
            var q = ctx.Request.Query;
            return Json(Candles(
                templateFixture,
                timeframe,
                ParseTo(q["to"]!),
                int.Parse(q["count"]!, CultureInfo.InvariantCulture),
                missing,
                dataStart));
        });
    }

    public static IResult Json(string body) => VenueTestKit.Json(body);

    /// <summary>A provider talking to <paramref name="server"/>, on a fake clock unless one is given.</summary>
    public static UpbitMarketDataProvider Provider(LoopbackVenueServer server, TimeProvider? clock = null) =>
        new(VenueTestKit.Http, VenueTestKit.Endpoint(server), clock ?? VenueTestKit.Clock());
}
