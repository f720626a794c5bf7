using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewind.Core;
using Tradewind.MarketData.Tests.Infrastructure;

namespace Tradewind.MarketData.Tests.Venues.Hyperliquid;

/// <summary>
/// Plays Hyperliquid's <c>POST /info</c> on loopback. Fixed answers are the documented examples in
/// tests/fixtures/venues/hyperliquid; candle and funding pages are generated in the documented row shape, because a
/// paging test needs thousands of rows (see PROVENANCE.md there).
/// </summary>
public sealed class FakeHyperliquid : IAsyncDisposable
{
    /// <summary>Rows per answer for ranged requests, as Hyperliquid documents ("only return 500 elements").</summary>
    public const int PageLimit = 500;

    private readonly string _prefix;
    private readonly TimeProvider? _clock;

    private FakeHyperliquid(string prefix, TimeProvider? clock)
    {
        _prefix = prefix;
        _clock = clock;
    }

    public LoopbackVenueServer Server { get; private set; } = null!;

    /// <summary>The base URL a client should use (the server's root plus the optional proxy prefix).</summary>
    public Uri BaseUrl => new(Server.BaseUrl, _prefix.TrimStart('/') + (_prefix.Length > 0 ? "/" : string.Empty));

    /// <summary>Candles and funding exist only in [AvailableFrom, AvailableTo), like the venue's limited history.</summary>
    public long AvailableFrom { get; set; }

    public long AvailableTo { get; set; } = long.MaxValue;

    /// <summary>Serve fundingHistory from the documented one-row example instead of generated rows.</summary>
    public bool FundingFromFixture { get; set; }

    /// <summary>One-shot answers, consumed in order by the next requests of the given type.</summary>
    public OneShotAnswers Overrides { get; } = new();

    /// <summary>Request bodies in arrival order with the clock reading at arrival.</summary>
    public ConcurrentQueue<(string Type, string Body, DateTimeOffset At)> Received { get; } = new();

    public static async Task<FakeHyperliquid> StartAsync(string prefix = "", TimeProvider? clock = null)
    {
        var fake = new FakeHyperliquid(prefix, clock);
        fake.Server = await LoopbackVenueServer.StartAsync(app => app.MapPost(prefix + "/info", fake.HandleAsync));
        return fake;
    }

    public static string Fixture(string name) => VenueTestKit.Fixture("hyperliquid", name);

    public void Override(string type, Func<HttpContext, Task> answer) => Overrides.Add(type, answer);

    public IReadOnlyList<string> BodiesOf(string type) =>
        Received.Where(r => r.Type == type).Select(r => r.Body).ToList();

    /// <summary>The deterministic candle the fake serves for a bar opening at <paramref name="time"/>.</summary>
    public static Candle CandleAt(long time)
    {
        var k = time / 60_000 % 997;
        var open = 29295.0 + k;
        return new Candle(time, open, open + 14.0, open - 45.0, open - 37.0, 0.98639 + (k % 10));
    }

    /// <summary>The deterministic funding rate the fake serves for the hour starting at <paramref name="hour"/>.</summary>
    public static double FundingAt(long hour) => ((hour / 3_600_000 % 21) - 10) * 0.0000125;

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        using var doc = JsonDocument.Parse(body);
        var type = doc.RootElement.GetProperty("type").GetString()!;
        Received.Enqueue((type, body, (_clock ?? TimeProvider.System).GetUtcNow()));
        if (await Overrides.TryAnswerAsync(type, context))
        {
            return;
        }

        var json = type switch
        {
            "meta" => Fixture("meta.json"),
            "metaAndAssetCtxs" => Fixture("metaAndAssetCtxs.json"),
            "l2Book" => Fixture("l2Book.json"),
            "candleSnapshot" => Candles(doc.RootElement.GetProperty("req")),
            "fundingHistory" => FundingFromFixture ? Fixture("fundingHistory.json") : Funding(doc.RootElement),
            _ => null,
        };
        if (json is null)
        {
            context.Response.StatusCode = 422;
            await context.Response.WriteAsync("Failed to deserialize the JSON body into the target type");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    private string Candles(JsonElement request)
    {
        var coin = request.GetProperty("coin").GetString()!;
        var interval = request.GetProperty("interval").GetString()!;
        var start = request.GetProperty("startTime").GetInt64();
        var end = request.GetProperty("endTime").GetInt64();
        var timeframe = Timeframe.Parse(interval);
        var sb = new StringBuilder("[");
        var rows = 0;
        var t = timeframe.IsAligned(start) ? start : timeframe.Next(start);
        for (; t <= end && rows < PageLimit; t = timeframe.Next(t))
        {
            if (t < AvailableFrom || t >= AvailableTo)
            {
                continue;
            }

            var c = CandleAt(t);
            if (rows > 0)
            {
                sb.Append(',');
            }

            sb.Append(CultureInfo.InvariantCulture, $$"""{"T":{{timeframe.Next(t) - 1}},"c":"{{c.Close:0.0}}","h":"{{c.High:0.0}}","i":"{{interval}}","l":"{{c.Low:0.0}}","n":189,"o":"{{c.Open:0.0}}","s":"{{coin}}","t":{{t}},"v":"{{c.Volume:0.#####}}"}""");
            rows++;
        }

        return sb.Append(']').ToString();
    }

    private string Funding(JsonElement request)
    {
        var coin = request.GetProperty("coin").GetString()!;
        var start = request.GetProperty("startTime").GetInt64();
        var end = request.TryGetProperty("endTime", out var e) ? e.GetInt64() : long.MaxValue;
        var sb = new StringBuilder("[");
        var rows = 0;
        // Funding is settled every hour; the recorded time lands a few milliseconds after the hour (see the docs example).
        for (var hour = Timeframe.H1.Floor(start); hour <= end && rows < PageLimit; hour += 3_600_000)
        {
            var time = hour + 76;
            if (time < start || time > end || time < AvailableFrom || time >= AvailableTo)
            {
                continue;
            }

            if (rows > 0)
            {
                sb.Append(',');
            }

            sb.Append(CultureInfo.InvariantCulture, $$"""{"coin":"{{coin}}","fundingRate":"{{FundingAt(hour):0.#########}}","premium":"-0.00052196","time":{{time}}}""");
            rows++;
        }

        return sb.Append(']').ToString();
    }
}
