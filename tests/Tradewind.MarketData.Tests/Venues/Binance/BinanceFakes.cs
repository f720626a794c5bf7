using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;
using Tradewind.MarketData.Venues.Binance;

namespace Tradewind.MarketData.Tests.Venues.Binance;

/// <summary>
/// A fake Binance: answers klines and fundingRate like the real API (startTime/endTime inclusive, at most
/// <c>limit</c> rows, oldest first) by cloning the documented example row; other endpoints answer with the documented
/// examples in tests/fixtures/venues/binance. Prices are a function of the bar time, so tests can check any bar.
/// </summary>
internal static class BinanceFakes
{
    public static string Fixture(string name) => VenueTestKit.Fixture("binance", name);

    public static double OpenAt(long time) => 100 + (time / 60_000 % 997) * 0.01;

    /// <summary>Rows for [startTime, endTime] (inclusive, as Binance reads them), at most <paramref name="limit"/>.</summary>
    public static string Klines(
        string templateFixture, Timeframe timeframe, long startTime, long endTime, int limit,
        long dataStart = long.MinValue, long dataEnd = long.MaxValue)
    {
        var template = JsonNode.Parse(Fixture(templateFixture))!.AsArray()[0]!;
        var rows = new JsonArray();
        var t = timeframe.IsAligned(startTime) ? startTime : timeframe.Next(startTime);
        while (t <= endTime && t < dataEnd && rows.Count < limit)
        {
            if (t >= dataStart)
            {
                rows.Add(Row(template, timeframe, t));
            }

            t = timeframe.Next(t);
        }

        return rows.ToJsonString();
    }

    public static JsonNode Row(JsonNode template, Timeframe timeframe, long t)
    {
        var row = template.DeepClone().AsArray();
        var open = OpenAt(t);
        row[0] = t;
        row[1] = Text(open);
        row[2] = Text(open + 1);
        row[3] = Text(open - 1);
        row[4] = Text(open + 0.25);
        row[5] = Text(10 + (t / 60_000 % 13));
        row[6] = timeframe.Next(t) - 1;
        return row;
    }

    /// <summary>Funding events every 8 hours from 2019-10-09T08:00Z (the documented example's first event).</summary>
    public static string Funding(long startTime, long endTime, int limit)
    {
        var template = JsonNode.Parse(Fixture("futures-fundingRate.json"))!.AsArray();
        const long Interval = 8 * 3_600_000L;
        var first = template[0]!["fundingTime"]!.GetValue<long>();
        var rows = new JsonArray();
        var t = startTime <= first ? first : first + ((startTime - first + Interval - 1) / Interval * Interval);
        for (; t <= endTime && rows.Count < limit; t += Interval)
        {
            var row = template[(int)((t - first) / Interval % 2)]!.DeepClone();
            row["fundingTime"] = t;
            row["fundingRate"] = Text(RateAt(t));
            rows.Add(row);
        }

        return rows.ToJsonString();
    }

    public static double RateAt(long time) => ((time / 3_600_000 % 7) - 3) * 0.0001;

    /// <summary>
    /// Maps the fake endpoints under <paramref name="prefix"/> (e.g. "/api/v3"): klines paged like Binance's (with no bar
    /// before <paramref name="dataStart"/>, as for a symbol listed later) and the exchangeInfo fixture.
    /// <paramref name="onRequest"/> sees each klines request first, e.g. to set a header.
    /// </summary>
    public static void Map(
        WebApplication app, string prefix, string klinesFixture, string exchangeInfoFixture, Timeframe? timeframe = null,
        long dataStart = long.MinValue, Action<HttpContext>? onRequest = null)
    {
        app.MapGet(prefix + "/klines", (HttpContext ctx) =>
        {
            onRequest?.Invoke(ctx);
            var q = ctx.Request.Query;
            var tf = timeframe ?? Timeframe.Parse(q["interval"]);
            return Json(Klines(klinesFixture, tf, Long(q["startTime"]), Long(q["endTime"]), (int)Long(q["limit"]), dataStart));
        });
        app.MapGet(prefix + "/exchangeInfo", () => Json(Fixture(exchangeInfoFixture)));
    }

    /// <summary>Maps a fundingRate endpoint paged like USD-M's.</summary>
    public static void MapFunding(WebApplication app) =>
        app.MapGet("/fapi/v1/fundingRate", (HttpContext ctx) =>
        {
            var q = ctx.Request.Query;
            return Json(Funding(Long(q["startTime"]), Long(q["endTime"]), (int)Long(q["limit"])));
        });

    public static IResult Json(string body) => VenueTestKit.Json(body);

    /// <summary>A spot provider talking to <paramref name="server"/>, on a fake clock unless one is given.</summary>
    public static BinanceSpotMarketDataProvider Spot(LoopbackVenueServer server, TimeProvider? clock = null) =>
        new(VenueTestKit.Http, VenueTestKit.Endpoint(server), clock ?? VenueTestKit.Clock());

    /// <summary>A USD-M provider talking to <paramref name="server"/>, on a fake clock unless one is given.</summary>
    public static BinanceFuturesUsdMarketDataProvider Futures(LoopbackVenueServer server, TimeProvider? clock = null) =>
        new(VenueTestKit.Http, VenueTestKit.Endpoint(server), clock ?? VenueTestKit.Clock());

    private static long Long(string? text) => long.Parse(text!, CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("F8", CultureInfo.InvariantCulture);
}
