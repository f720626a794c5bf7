using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;

namespace Tradewind.MarketData.Tests.Venues.Lighter;

/// <summary>
/// Plays Lighter's REST API (<c>GET /api/v1/...</c>) on loopback. Market, book and single-row answers are the
/// documented examples in tests/fixtures/venues/lighter; candle and funding pages are generated in the documented
/// shape (see PROVENANCE.md there).
/// </summary>
public sealed class FakeLighter : IAsyncDisposable
{
    private FakeLighter()
    {
    }

    public LoopbackVenueServer Server { get; private set; } = null!;

    public Uri BaseUrl => Server.BaseUrl;

    /// <summary>Candles and funding exist only in [AvailableFrom, AvailableTo).</summary>
    public long AvailableFrom { get; set; }

    public long AvailableTo { get; set; } = long.MaxValue;

    /// <summary>Serve candles/fundings from the documented one-row examples instead of generated rows.</summary>
    public bool FromFixtures { get; set; }

    /// <summary>One-shot answers, consumed in order by the next requests to the given path (e.g. "/api/v1/candles").</summary>
    public OneShotAnswers Overrides { get; } = new();

    public static async Task<FakeLighter> StartAsync()
    {
        var fake = new FakeLighter();
        fake.Server = await LoopbackVenueServer.StartAsync(app => app.MapGet("/api/v1/{endpoint}", fake.HandleAsync));
        return fake;
    }

    public static string Fixture(string name) => VenueTestKit.Fixture("lighter", name);

    public void Override(string path, Func<HttpContext, Task> answer) => Overrides.Add(path, answer);

    /// <summary>Path and query of the requests to one endpoint, in arrival order.</summary>
    public IReadOnlyList<string> QueriesOf(string endpoint) =>
        Server.Requests.Where(r => r.PathAndQuery.StartsWith("/api/v1/" + endpoint + "?", StringComparison.Ordinal) || r.PathAndQuery == "/api/v1/" + endpoint)
            .Select(r => r.PathAndQuery).ToList();

    /// <summary>The deterministic candle served for a bar opening at <paramref name="time"/>; every 7th bar had no trades.</summary>
    public static Candle CandleAt(long time)
    {
        var k = time / 60_000 % 1009;
        var open = 3236.86 + k;
        return new Candle(time, open, open + 0.92, open - 1.5, open - 1.47, k % 7 == 0 ? 0 : 55.1632 + (k % 13));
    }

    /// <summary>The hourly rate the fake serves, in Lighter's percent units and direction.</summary>
    public static (string RatePercent, string Direction) FundingAt(long hourMs)
    {
        var k = (int)(hourMs / 3_600_000 % 9) - 4;
        return ((Math.Abs(k) * 0.0012).ToString("0.0000", CultureInfo.InvariantCulture), k < 0 ? "short" : "long");
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string endpoint)
    {
        var path = "/api/v1/" + endpoint;
        if (await Overrides.TryAnswerAsync(path, context))
        {
            return;
        }

        var query = context.Request.Query;
        var json = endpoint switch
        {
            "orderBookDetails" => Details(query["market_id"]),
            "orderBookOrders" => Fixture("orderBookOrders.json"),
            "candles" => FromFixtures ? Fixture("candles.json") : Candles(query["resolution"]!, Long(query["start_timestamp"]), Long(query["end_timestamp"]), Long(query["count_back"])),
            "fundings" => FromFixtures ? Fixture("fundings.json") : Fundings(Long(query["start_timestamp"]), Long(query["end_timestamp"]), Long(query["count_back"])),
            _ => null,
        };
        if (json is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    private static string Details(string? marketId)
    {
        var json = Fixture("orderBookDetails.json");
        if (string.IsNullOrEmpty(marketId))
        {
            return json;
        }

        // A single-market request answers with just that market, as order_book_details[0].
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var market = doc.RootElement.GetProperty("order_book_details").EnumerateArray()
            .First(m => m.GetProperty("market_id").GetInt32().ToString(CultureInfo.InvariantCulture) == marketId);
        return $$"""{"code":200,"order_book_details":[{{market.GetRawText()}}],"spot_order_book_details":[]}""";
    }

    private string Candles(string resolution, long start, long end, long count)
    {
        var timeframe = Timeframe.Parse(resolution);
        var sb = new StringBuilder("""{"code":200,"r":""" + "\"" + resolution + "\",\"c\":[");
        var rows = 0;
        for (var t = timeframe.IsAligned(start) ? start : timeframe.Next(start); t <= end && rows < Math.Min(500, count); t = timeframe.Next(t))
        {
            if (t < AvailableFrom || t >= AvailableTo)
            {
                continue;
            }

            var c = CandleAt(t);
            sb.Append(rows > 0 ? "," : string.Empty);
            sb.Append(CultureInfo.InvariantCulture, $$"""{"t":{{t}},"o":{{c.Open:0.00}},"h":{{c.High:0.00}},"l":{{c.Low:0.00}},"c":{{c.Close:0.00}}""");
            if (c.Volume != 0)
            {
                // Zero values are omitted from Lighter's candles.
                sb.Append(CultureInfo.InvariantCulture, $$""","v":{{c.Volume:0.0000}},"V":{{c.Volume * c.Close:0.000000}}""");
            }

            sb.Append(CultureInfo.InvariantCulture, $$""","i":{{779870452 + (t / 60_000 % 100_000)}}}""");
            rows++;
        }

        return sb.Append("]}").ToString();
    }

    private string Fundings(long startSeconds, long endSeconds, long count)
    {
        var sb = new StringBuilder("""{"code":200,"resolution":"1h","fundings":[""");
        var rows = 0;
        for (var hour = Timeframe.H1.Floor(startSeconds * 1000); hour <= endSeconds * 1000 && rows < Math.Min(750, count); hour += 3_600_000)
        {
            if (hour < startSeconds * 1000 || hour < AvailableFrom || hour >= AvailableTo)
            {
                continue;
            }

            var (rate, direction) = FundingAt(hour);
            sb.Append(rows > 0 ? "," : string.Empty);
            sb.Append(CultureInfo.InvariantCulture, $$"""{"timestamp":{{hour / 1000}},"value":"0.0001","rate":"{{rate}}","direction":"{{direction}}"}""");
            rows++;
        }

        return sb.Append("]}").ToString();
    }

    private static long Long(string? text) => long.Parse(text!, CultureInfo.InvariantCulture);
}
