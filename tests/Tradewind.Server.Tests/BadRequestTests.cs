using System.Net;
using System.Text;

namespace Tradewind.Server.Tests;

/// <summary>Bad requests on every route get the envelope and the right code; never a stack trace or HTML.</summary>
public sealed class BadRequestTests
{
    [Fact]
    public async Task EveryBodyRoute_MalformedJsonOrWrongContentType_ValidationErrorEnvelope()
    {
        await using var server = await TestServer.StartAsync();
        var session = await server.UserSessionAsync("ada");
        var failures = new List<string>();
        foreach (var route in ApiRoute.All(server).Where(r => r.AcceptsBody))
        {
            var token = await TokenForAsync(server, route, session);
            var (r1, b1) = await server.SendAsync(TestServer.Request(new HttpMethod(route.Method), route.RelativePath, token, """{"display_name": "x", """));
            if (r1.StatusCode != HttpStatusCode.BadRequest || (string?)b1["error"]?["code"] != "VALIDATION_ERROR")
            {
                failures.Add($"{route} malformed JSON: {(int)r1.StatusCode} {b1.ToJsonString()}");
            }

            var plain = TestServer.Request(new HttpMethod(route.Method), route.RelativePath, token);
            plain.Content = new StringContent("hello", Encoding.UTF8, "text/plain");
            var (r2, b2) = await server.SendAsync(plain);
            if (r2.StatusCode != HttpStatusCode.UnsupportedMediaType || (string?)b2["error"]?["code"] != "VALIDATION_ERROR")
            {
                failures.Add($"{route} text/plain: {(int)r2.StatusCode} {b2.ToJsonString()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryRoute_UnsupportedMethod_MethodNotAllowedEnvelope()
    {
        await using var server = await TestServer.StartAsync();
        foreach (var route in ApiRoute.All(server))
        {
            var (response, body) = await server.SendAsync(TestServer.Request(HttpMethod.Patch, route.RelativePath));
            Envelopes.AssertError(response, body, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        }
    }

    [Theory]
    [InlineData("meta/register", """{"display_name": 5}""", "display_name", "a string")]
    [InlineData("meta/register", """{"display_name": "   "}""", "display_name", "required")]
    [InlineData("meta/register", """{"description": "no name"}""", "display_name", "required")]
    [InlineData("market/ticker", """{"symbols": "BTC/USDT"}""", "symbols", "an array of strings")]
    [InlineData("market/ticker", """{"symbols": ["BTC/USDT", 7]}""", "symbols[1]", "a string")]
    public async Task Body_WrongTypeOrMissingField_ValidationErrorNamesField(string path, string json, string field, string expected)
    {
        await using var server = await TestServer.StartAsync();
        var (key, _) = await server.RegisterAsync();

        var (response, body) = await server.PostAsync(path, json, key);

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var message = (string)body["error"]!["message"]!;
        Assert.Contains($"'{field}'", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_UnknownFields_AreIgnored()
    {
        await using var server = await TestServer.StartAsync();
        var (response, _) = await server.PostAsync("meta/register", """{"display_name":"MyBot","strategy_type":"signal","favourite_colour":"blue"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Body_OverSizeLimit_PayloadTooLargeEnvelope()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Tradewind:MaxRequestBodyBytes"] = "2048" });
        var big = $$"""{"display_name":"MyBot","description":"{{new string('x', 10_000)}}"}""";

        var (response, body) = await server.PostAsync("meta/register", big);

        Envelopes.AssertError(response, body, HttpStatusCode.RequestEntityTooLarge, "VALIDATION_ERROR");
    }

    [Theory]
    [InlineData("market/ticker", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'symbol'")]
    [InlineData("market/ticker?symbol=BTC/USDT&exchange=nasdaq", HttpStatusCode.BadRequest, "UNKNOWN_EXCHANGE", "nasdaq")]
    [InlineData("market/ticker?symbol=BTCUSDT", HttpStatusCode.BadRequest, "INVALID_TICKER", "'symbol'")]
    [InlineData("market/ticker?symbol=NOPE/USDT", HttpStatusCode.NotFound, "UNKNOWN_SYMBOL", "NOPE")]
    [InlineData("market/ohlcv?symbol=BTC/USDT&timeframe=2h", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'timeframe'")]
    [InlineData("market/ohlcv?symbol=BTC/USDT&limit=0", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'limit'")]
    [InlineData("market/ohlcv?symbol=BTC/USDT&start_date=yesterday", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'start_date'")]
    [InlineData("market/ohlcv?symbol=BTC/USDT&timeframe=1m&start_date=2020-01-01&end_date=2021-01-01", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "5000")]
    [InlineData("market/symbols?limit=501", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'limit'")]
    [InlineData("market/symbols?market_type=option", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'market_type'")]
    [InlineData("market/symbols?category=hot", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'category'")]
    [InlineData("market/funding-rates?limit=abc", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'limit'")]
    [InlineData("docs/../../etc/passwd", HttpStatusCode.NotFound, "NOT_FOUND", "")]
    [InlineData("docs/nonexistent", HttpStatusCode.NotFound, "DOC_NOT_FOUND", "nonexistent")]
    [InlineData("no/such/route", HttpStatusCode.NotFound, "NOT_FOUND", "")]
    public async Task Get_BadQuery_RightCodeAndMessage(string path, HttpStatusCode status, string code, string mentions)
    {
        await using var server = await TestServer.StartAsync();
        var (key, _) = await server.RegisterAsync();

        var (response, body) = await server.GetAsync(path, key);

        Envelopes.AssertError(response, body, status, code);
        Assert.Contains(mentions, (string)body["error"]!["message"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)body["error"]!["suggestion"]));
    }

    [Fact]
    public async Task PostTicker_MoreThanTwenty_ValidationError()
    {
        await using var server = await TestServer.StartAsync();
        var (key, _) = await server.RegisterAsync();
        var symbols = string.Join(",", Enumerable.Repeat("\"BTC/USDT\"", 21));

        var (response, body) = await server.PostAsync("market/ticker", $$"""{"symbols":[{{symbols}}]}""", key);

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("at most 20", (string)body["error"]!["message"]!, StringComparison.Ordinal);
    }

    private static async Task<string?> TokenForAsync(TestServer server, ApiRoute route, string session) => route.Access!.Kind switch
    {
        Identity.AccessKind.User => session,
        Identity.AccessKind.Agent => (await server.RegisterAsync()).Key,
        _ => null,
    };
}
