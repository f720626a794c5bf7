using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tradewind.MarketData.Tests.Infrastructure;

namespace Tradewind.MarketData.Tests.Venues.Polymarket;

/// <summary>
/// Plays Polymarket's two public APIs on two loopback servers: the CLOB (<c>/book</c>, <c>/last-trade-price</c>,
/// <c>/prices-history</c>) and Gamma (<c>/markets</c>). Fixed answers are the fixtures in tests/fixtures/venues/polymarket;
/// price history is generated in the documented <c>{"history":[{"t","p"}]}</c> shape (see PROVENANCE.md there).
/// </summary>
public sealed class FakePolymarket : IAsyncDisposable
{
    /// <summary>The token whose book is the documented example (asset_id "1234567890").</summary>
    public const string DocumentedToken = "1234567890";

    /// <summary>A token with a live-ordered book: levels listed worst first.</summary>
    public const string LiveToken = "21742633143463906290569050155826241533067272736897614950488156847949938836455";

    private FakePolymarket()
    {
    }

    public LoopbackVenueServer Clob { get; private set; } = null!;

    public LoopbackVenueServer Gamma { get; private set; } = null!;

    /// <summary>Serve prices-history from the documented one-point example instead of generated points.</summary>
    public bool HistoryFromFixture { get; set; }

    /// <summary>Serve generated points newest first, to check the client does not rely on order.</summary>
    public bool HistoryNewestFirst { get; set; }

    public string LastTradePrice { get; set; } = Fixture("last-trade-price.json");

    /// <summary>One-shot answers for the CLOB, consumed in order by the next requests to the given path (e.g. "/book").</summary>
    public OneShotAnswers Overrides { get; } = new();

    public static async Task<FakePolymarket> StartAsync()
    {
        var fake = new FakePolymarket();
        fake.Clob = await LoopbackVenueServer.StartAsync(app =>
        {
            app.MapGet("/book", ctx => fake.AnswerAsync(ctx, "/book", () => fake.Book(ctx.Request.Query["token_id"]!)));
            app.MapGet("/last-trade-price", ctx => fake.AnswerAsync(ctx, "/last-trade-price", () => (200, fake.LastTradePrice)));
            app.MapGet("/prices-history", ctx => fake.AnswerAsync(ctx, "/prices-history", () => (200, fake.History(ctx.Request.Query))));
        });
        fake.Gamma = await LoopbackVenueServer.StartAsync(app =>
            app.MapGet("/markets", ctx => fake.AnswerAsync(ctx, "/markets", () => (200, Markets(ctx.Request.Query["offset"]!)))));
        return fake;
    }

    public static string Fixture(string name) => VenueTestKit.Fixture("polymarket", name);

    /// <summary>The deterministic price point served at <paramref name="seconds"/> (a probability, 4 decimals).</summary>
    public static double PriceAt(long seconds) =>
        Math.Round(0.5 + (0.3 * Math.Sin(seconds / 25_000.0)) + (0.05 * Math.Cos(seconds / 1_700.0)), 4);

    public void Override(string path, Func<HttpContext, Task> answer) => Overrides.Add(path, answer);

    public IReadOnlyList<string> ClobQueries(string path) =>
        Clob.Requests.Where(r => r.PathAndQuery.StartsWith(path + "?", StringComparison.Ordinal)).Select(r => r.PathAndQuery).ToList();

    public async ValueTask DisposeAsync()
    {
        await Clob.DisposeAsync();
        await Gamma.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, string path, Func<(int Status, string Json)> answer)
    {
        if (await Overrides.TryAnswerAsync(path, context))
        {
            return;
        }

        var (status, json) = answer();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    private (int, string) Book(string token) => token switch
    {
        DocumentedToken => (200, Fixture("book.json")),
        LiveToken => (200, Fixture("book-live-order.json")),
        _ => (404, Fixture("book-not-found.json")),
    };

    private static string Markets(string offset) => offset switch
    {
        "0" => Fixture("markets-page1.json"),
        "4" => Fixture("markets-page2.json"),
        _ => "[]",
    };

    private string History(IQueryCollection query)
    {
        if (HistoryFromFixture)
        {
            return Fixture("prices-history.json");
        }

        var start = long.Parse(query["startTs"]!, CultureInfo.InvariantCulture);
        var end = long.Parse(query["endTs"]!, CultureInfo.InvariantCulture);
        var step = long.Parse(query["fidelity"]!, CultureInfo.InvariantCulture) * 60;
        var times = new List<long>();
        for (var t = (start + step - 1) / step * step; t <= end; t += step)
        {
            times.Add(t);
        }

        if (HistoryNewestFirst)
        {
            times.Reverse();
        }

        var sb = new StringBuilder("""{"history":[""");
        for (var i = 0; i < times.Count; i++)
        {
            sb.Append(i > 0 ? "," : string.Empty);
            sb.Append(CultureInfo.InvariantCulture, $$"""{"t":{{times[i]}},"p":{{PriceAt(times[i])}}}""");
        }

        return sb.Append("]}").ToString();
    }
}
