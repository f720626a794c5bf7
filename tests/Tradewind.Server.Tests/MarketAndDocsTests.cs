using System.Net;
using System.Net.Http.Headers;

namespace Tradewind.Server.Tests;

public sealed class MarketAndDocsTests
{
    [Fact]
    public async Task Symbols_SimByDefault_FiltersByTypeAndSector()
    {
        await using var server = await TestServer.StartAsync();

        var (_, all) = await server.GetAsync("market/symbols?limit=500");
        var (_, perps) = await server.GetAsync("market/symbols?market_type=perpetual&limit=500");
        var (_, memes) = await server.GetAsync("market/symbols?sector=meme&market_type=spot");

        Assert.Equal("sim", (string?)all["data"]!["exchange"]);
        Assert.Equal(2 * (int)perps["data"]!["count"]!, (int)all["data"]!["count"]!);
        Assert.All(perps["data"]!["symbols"]!.AsArray(), s => Assert.Equal("USDT", (string?)s!["settle"]));
        Assert.Equal(["DOGE/USDT", "PEPE/USDT", "SHIB/USDT"], memes["data"]!["symbols"]!.AsArray().Select(s => (string)s!["symbol"]!).Order());
    }

    [Fact]
    public async Task Ticker_GetAndPost_SameQuotes()
    {
        await using var server = await TestServer.StartAsync();
        var (key, _) = await server.RegisterAsync();

        var (r1, one) = await server.GetAsync("market/ticker?symbol=BTC/USDT&exchange=sim", key);
        var (r2, many) = await server.PostAsync("market/ticker", """{"symbols":["BTC/USDT","ETH/USDT:USDT"],"exchange":"sim"}""", key);

        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.Equal("SIM:BTC/USDT", (string?)one["data"]!["ticker"]);
        Assert.True((double)one["data"]!["last"]! > 0);
        Assert.Equal(2, (int)many["data"]!["count"]!);
        Assert.Equal("SIM:ETH/USDT:USDT", (string?)many["data"]!["tickers"]![1]!["ticker"]);
        Assert.Equal("perpetual", (string?)many["data"]!["tickers"]![1]!["market_type"]);
    }

    [Fact]
    public async Task Ohlcv_DailyRange_ReturnsClosedBarsInOrder()
    {
        await using var server = await TestServer.StartAsync();
        var (key, _) = await server.RegisterAsync();

        var (response, body) = await server.GetAsync("market/ohlcv?symbol=ETH/USDT&timeframe=1d&start_date=2024-01-01&end_date=2024-02-01", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var candles = body["data"]!["candles"]!.AsArray();
        Assert.Equal(31, candles.Count);
        Assert.Equal("2024-01-01T00:00:00Z", (string?)candles[0]!["time"]);
        Assert.All(candles, c => Assert.True((double)c!["high"]! >= (double)c["low"]!));
    }

    [Fact]
    public async Task FundingRates_SimPerpetuals_LatestRatePerSymbol()
    {
        await using var server = await TestServer.StartAsync();
        var (key, _) = await server.RegisterAsync();

        var (_, all) = await server.GetAsync("market/funding-rates?limit=3", key);
        var (_, one) = await server.GetAsync("market/funding-rates?symbol=SOL/USDT", key);

        Assert.Equal(3, (int)all["data"]!["count"]!);
        Assert.Equal("SIM:SOL/USDT:USDT", (string?)one["data"]!["rates"]![0]!["ticker"]);
    }

    [Fact]
    public async Task MarketsHealthCapabilities_Public()
    {
        await using var server = await TestServer.StartAsync();

        var (_, markets) = await server.GetAsync("meta/markets");
        var (_, health) = await server.GetAsync("meta/health");
        var (_, anonymous) = await server.GetAsync("meta/capabilities");
        var (key, _) = await server.RegisterAsync();
        var (_, provisional) = await server.GetAsync("meta/capabilities", key);

        Assert.Contains(markets["data"]!["markets"]!.AsArray(), m => (string?)m!["id"] == "sim" && (bool)m["is_default"]!);
        Assert.Equal("ok", (string?)health["data"]!["status"]);
        Assert.Equal("sqlite", (string?)health["data"]!["database"]);
        static bool Allowed(System.Text.Json.Nodes.JsonNode caps, string path) =>
            caps["data"]!["endpoints"]!.AsArray().First(e => (string?)e!["path"] == path)!["allowed"]!.GetValue<bool>();
        Assert.False(Allowed(anonymous, "/api/v1/market/ticker"));
        Assert.True(Allowed(provisional, "/api/v1/market/ticker"));
        Assert.False(Allowed(provisional, "/api/v1/users/agents"));
    }

    [Fact]
    public async Task Docs_JsonByDefault_MarkdownOnRequest()
    {
        await using var server = await TestServer.StartAsync();

        var (_, index) = await server.GetAsync("docs");
        var (_, data) = await server.GetAsync("docs/data");
        var request = TestServer.Request(HttpMethod.Get, "docs/operators");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));
        var raw = await server.Client.SendAsync(request);

        var names = index["data"]!["documents"]!.AsArray().Select(d => (string)d!["name"]!).ToList();
        Assert.Contains("data", names);
        Assert.Contains("operators", names);
        Assert.Contains("api-reference", names);
        Assert.Contains("configuration", names);
        Assert.Equal("markdown", (string?)data["data"]!["format"]);
        Assert.StartsWith("# Market data", (string)data["data"]!["content"]!, StringComparison.Ordinal);
        Assert.Equal("text/markdown", raw.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rsi", await raw.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OpenApiAndReference_Served()
    {
        await using var server = await TestServer.StartAsync();
        var root = new Uri(server.App.Urls.First());

        var openapi = await server.Client.GetStringAsync(new Uri(root, "/openapi/v1.json"));
        var reference = await server.Client.GetAsync(new Uri(root, "/reference/v1"));

        Assert.Contains("/api/v1/meta/register", openapi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("html", reference.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}
