using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tradewind.Indicators.Momentum;

namespace Tradewind.Server.Tests;

public sealed class ResearchApiTests : IClassFixture<ResearchApiServer>
{
    private const int SimSpotMarkets = 24;
    private readonly ResearchApiServer _fixture;

    public ResearchApiTests(ResearchApiServer fixture) => _fixture = fixture;

    private TestServer Server => _fixture.Server;

    // ---- evaluate ----

    [Fact]
    public async Task Evaluate_HeyTradersRsiExample_EqualsRsiComputedOverOhlcvBars()
    {
        var (response, body) = await PostAsync("market/evaluate", """{"symbol": "BTC/USDT", "exchange": "sim", "timeframe": "1h", "expression": "rsi(close, 14)[-1]"}""");
        var (_, ohlcv) = await Server.GetAsync("market/ohlcv?symbol=BTC/USDT&exchange=sim&timeframe=1h&limit=500", _fixture.Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body["data"]!;
        var candles = ohlcv["data"]!["candles"]!.AsArray();
        Assert.Equal(500, (int)data["bars"]!);
        Assert.Equal(500, candles.Count);
        var closes = candles.Select(c => (double)c!["close"]!).ToArray();
        var rsi = new double[closes.Length];
        Rsi.Compute(closes, 14, rsi);
        Assert.Equal(rsi[^1], (double)data["value"]!, 10);
        Assert.Equal((string?)candles[^1]!["time"], (string?)data["timestamp"]);
        Assert.Equal("2024-06-30T23:00:00Z", (string?)data["timestamp"]);
        Assert.Equal("BTC/USDT", (string?)data["symbol"]);
        Assert.Equal("SIM:BTC/USDT", (string?)data["ticker"]);
        Assert.Equal("sim", (string?)data["exchange"]);
        Assert.Equal("1h", (string?)data["timeframe"]);
        Assert.Equal("rsi(close, 14)[-1]", (string?)data["expression"]);
        Assert.False((bool)data["is_boolean"]!);
        Assert.Equal((double)data["value"]!, (double)data["values"]!["value"]!);
        Assert.Null(data["series"]);
    }

    [Fact]
    public async Task Evaluate_DefaultsAndFullTicker_TimeframeOneHourAndTickersOwnExchange()
    {
        var (response, body) = await PostAsync("market/evaluate", """{"symbol": "sim:eth/usdt:usdt", "expression": "close"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SIM:ETH/USDT:USDT", (string?)body["data"]!["ticker"]);
        Assert.Equal("ETH/USDT:USDT", (string?)body["data"]!["symbol"]);
        Assert.Equal("1h", (string?)body["data"]!["timeframe"]);
        Assert.True((double)body["data"]!["value"]! > 0);
    }

    [Fact]
    public async Task Evaluate_MarketTypePerpetual_EvaluatesThePerpetual()
    {
        var (_, body) = await PostAsync("market/evaluate", """{"symbol": "ETH/USDT", "market_type": "perpetual", "expression": "close"}""");

        Assert.Equal("SIM:ETH/USDT:USDT", (string?)body["data"]!["ticker"]);
    }

    [Fact]
    public async Task Evaluate_MultiOutputIndicator_ValuesPerOutputAndFirstAsValue()
    {
        var (response, body) = await PostAsync("market/evaluate", """{"symbol": "SOL/USDT", "timeframe": "4h", "expression": "bbands(close, 20, 2)"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var values = body["data"]!["values"]!.AsObject();
        Assert.Equal(["upper", "middle", "lower"], values.Select(v => v.Key));
        Assert.Equal((double)values["upper"]!, (double)body["data"]!["value"]!);
        Assert.True((double)values["upper"]! > (double)values["middle"]! && (double)values["middle"]! > (double)values["lower"]!);
    }

    [Fact]
    public async Task Evaluate_Condition_ValueIsJsonBoolean()
    {
        var (_, body) = await PostAsync("market/evaluate", """{"symbol": "BTC/USDT", "expression": "close > 0 and volume >= 0"}""");

        Assert.True((bool)body["data"]!["is_boolean"]!);
        Assert.Equal(JsonValueKind.True, body["data"]!["value"]!.GetValueKind());
        Assert.Equal(JsonValueKind.True, body["data"]!["values"]!["value"]!.GetValueKind());
    }

    [Fact]
    public async Task Evaluate_Lookback_LastNValuesOldestFirstEndingAtTheLatest()
    {
        var (_, body) = await PostAsync("market/evaluate", """{"symbol": "BTC/USDT", "timeframe": "1d", "expression": "sma(close, 7)", "lookback": 5}""");

        var data = body["data"]!;
        var series = data["series"]!.AsArray();
        Assert.Equal(5, series.Count);
        Assert.Equal(
            ["2024-06-26T00:00:00Z", "2024-06-27T00:00:00Z", "2024-06-28T00:00:00Z", "2024-06-29T00:00:00Z", "2024-06-30T00:00:00Z"],
            series.Select(p => (string)p!["timestamp"]!));
        Assert.Equal((double)data["value"]!, (double)series[^1]!["value"]!);
        Assert.Null(series[0]!["values"]);
    }

    [Fact]
    public async Task Evaluate_IncludeSeriesWithNa_DefaultCountAndNullWhereNa()
    {
        var (_, body) = await PostAsync("market/evaluate", """{"symbol": "BTC/USDT", "expression": "bbands(close, 20, 2)", "bars": 30, "include_series": true}""");

        var series = body["data"]!["series"]!.AsArray();
        Assert.Equal(30, series.Count);
        Assert.Null(series[0]!["value"]);
        Assert.Null(series[0]!["values"]!["middle"]);
        Assert.NotNull(series[^1]!["values"]!["middle"]);
    }

    [Fact]
    public async Task Evaluate_TooFewBars_TaOutOfRange422WithBarsNeeded()
    {
        var (response, body) = await PostAsync("market/evaluate", """{"symbol": "BTC/USDT", "expression": "ema(close, 200)[-1]", "bars": 150}""");

        Envelopes.AssertError(response, body, HttpStatusCode.UnprocessableEntity, "TA_OUT_OF_RANGE");
        Assert.Equal(200, (int)body["error"]!["details"]!["bars_needed"]!);
        Assert.Equal(150, (int)body["error"]!["details"]!["bars_available"]!);
        Assert.Contains("200", (string)body["error"]!["suggestion"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_CompileErrors_ValidationErrorListsEachDiagnosticWithLineAndColumn()
    {
        var (response, body) = await PostAsync("market/evaluate", """{"symbol": "BTC/USDT", "expression": "x = rsii(close, 14)\nx[-1] + nope"}""");

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var message = (string)body["error"]!["message"]!;
        Assert.StartsWith("'expression' does not compile.", message, StringComparison.Ordinal);
        Assert.Contains("(line 1, column 5)", message, StringComparison.Ordinal);
        Assert.Equal("expression", (string?)body["error"]!["details"]!["field"]);
        var diagnostics = body["error"]!["details"]!["diagnostics"]!.AsArray();
        Assert.True(diagnostics.Count >= 2, body.ToJsonString());
        Assert.All(diagnostics, d =>
        {
            Assert.True((int)d!["line"]! >= 1);
            Assert.True((int)d["column"]! >= 1);
            Assert.StartsWith("DSL_", (string)d["code"]!, StringComparison.Ordinal);
        });
        Assert.Contains(diagnostics, d => (int)d!["line"]! == 2);
        Assert.Contains("'rsi'", message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)body["error"]!["suggestion"]));
    }

    [Theory]
    [InlineData("""{"expression": "close"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'symbol'")]
    [InlineData("""{"symbol": "BTC/USDT"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'expression'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "   "}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'expression'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "close", "timeframe": "2h"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'timeframe'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "close", "bars": 0}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'bars'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "close", "bars": 100001}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'bars'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "close", "bars": "many"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'bars'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "close", "lookback": 0}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'lookback'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "close", "lookback": 5001}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'lookback'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "close", "include_series": "yes"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'include_series'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "close", "market_type": "option"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'market_type'")]
    [InlineData("""{"symbol": "BTC/USDT", "expression": "close", "exchange": "nasdaq"}""", HttpStatusCode.BadRequest, "UNKNOWN_EXCHANGE", "nasdaq")]
    [InlineData("""{"symbol": "BTCUSDT", "expression": "close"}""", HttpStatusCode.BadRequest, "INVALID_TICKER", "'symbol'")]
    [InlineData("""{"symbol": "NOPE:BTC/USDT", "exchange": "sim", "expression": "close"}""", HttpStatusCode.BadRequest, "UNKNOWN_EXCHANGE", "NOPE")]
    [InlineData("""{"symbol": 42, "expression": "close"}""", HttpStatusCode.BadRequest, "VALIDATION_ERROR", "'symbol'")]
    [InlineData("""{"symbol": "NOPE/USDT", "expression": "close"}""", HttpStatusCode.NotFound, "UNKNOWN_SYMBOL", "NOPE")]
    public async Task Evaluate_BadField_RightCodeNamingTheField(string json, HttpStatusCode status, string code, string mentions)
    {
        var (response, body) = await PostAsync("market/evaluate", json);

        Envelopes.AssertError(response, body, status, code);
        Assert.Contains(mentions, (string)body["error"]!["message"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)body["error"]!["suggestion"]));
    }

    [Fact]
    public async Task Evaluate_ExpressionOverLengthLimit_ValidationErrorNamingTheLimit()
    {
        var expression = string.Join(" + ", Enumerable.Repeat("close", 2000));

        var (response, body) = await PostAsync("market/evaluate", $$"""{"symbol": "BTC/USDT", "expression": "{{expression}}"}""");

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("10000", (string)body["error"]!["message"]!, StringComparison.Ordinal);
    }

    // ---- scan ----

    [Fact]
    public async Task Scan_HeyTradersTop100Example_EverySimSpotMarketScannedAndMatchedAreTheTrueRows()
    {
        var (response, body) = await PostAsync("market/scan", """{"universe": ["top100"], "exchange": "sim", "timeframe": "1h", "condition": "rsi(close, 14)[-1] < 50"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body["data"]!;
        var details = data["details"]!.AsArray();
        Assert.Equal(SimSpotMarkets, (int)data["scanned_count"]!);
        Assert.Equal(SimSpotMarkets, details.Count);
        Assert.Equal("1h", (string?)data["timeframe"]);
        Assert.All(details, d =>
        {
            Assert.Null(d!["error"]);
            Assert.Equal((bool)d["matched"]!, (bool)d["value"]!);
            Assert.True((double)d["price"]! > 0);
            Assert.Equal("2024-06-30T23:00:00Z", (string?)d["timestamp"]);
            Assert.DoesNotContain(":", (string)d["symbol"]!, StringComparison.Ordinal);
        });
        var matched = data["matched"]!.AsArray().Select(m => (string)m!).ToArray();
        Assert.Equal(details.Where(d => (bool)d!["matched"]!).Select(d => (string)d!["symbol"]!), matched);
        Assert.Equal(matched.Length, (int)data["matched_count"]!);
    }

    [Fact]
    public async Task Scan_TopN_SameMarketsAndOrderAsSymbolsByTopMarketCap()
    {
        var (_, scan) = await PostAsync("market/scan", """{"universe": ["TOP5"], "condition": "close > 0"}""");
        var (_, symbols) = await Server.GetAsync("market/symbols?category=top_market_cap&market_type=spot&limit=5");

        Assert.Equal(
            symbols["data"]!["symbols"]!.AsArray().Select(s => (string)s!["symbol"]!),
            scan["data"]!["details"]!.AsArray().Select(d => (string)d!["symbol"]!));
        Assert.Equal(5, scan["data"]!["matched"]!.AsArray().Count);
    }

    [Fact]
    public async Task Scan_TopNPerpetuals_ScansPerpetualsShownWithSettle()
    {
        var (_, body) = await PostAsync("market/scan", """{"universe": ["top3"], "market_type": "perpetual", "condition": "funding_rate > -1"}""");

        var details = body["data"]!["details"]!.AsArray();
        Assert.Equal(3, details.Count);
        Assert.All(details, d => Assert.EndsWith(":USDT", (string)d!["ticker"]!, StringComparison.Ordinal));
        Assert.All(details, d => Assert.EndsWith("/USDT:USDT", (string)d!["symbol"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_UnknownSymbolInUniverse_ErrorInItsRowOthersScanned()
    {
        var (response, body) = await PostAsync("market/scan", """{"universe": ["BTC/USDT", "NOPE/USDT", "SIM:ETH/USDT", "BTC/USDT"], "condition": "close > 0"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body["data"]!;
        Assert.Equal(["BTC/USDT", "ETH/USDT"], data["matched"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(3, (int)data["scanned_count"]!);
        var bad = data["details"]![1]!;
        Assert.Equal("NOPE/USDT", (string?)bad["symbol"]);
        Assert.False((bool)bad["matched"]!);
        Assert.Null(bad["value"]);
        Assert.Null(bad["price"]);
        Assert.Equal("UNKNOWN_SYMBOL", (string?)bad["error"]!["code"]);
        Assert.Contains("NOPE", (string)bad["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_TooLittleHistoryForOneRow_TaOutOfRangeInTheRow()
    {
        var (response, body) = await PostAsync("market/scan", """{"universe": ["BTC/USDT"], "condition": "ema(close, 200)[-1] > 0", "bars": 100}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("TA_OUT_OF_RANGE", (string?)body["data"]!["details"]![0]!["error"]!["code"]);
    }

    [Fact]
    public async Task Scan_NumericCondition_ValidationErrorExplainingScanAndRank()
    {
        var (response, body) = await PostAsync("market/scan", """{"universe": ["BTC/USDT"], "condition": "rsi(close, 14)[-1]"}""");

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("not a condition", (string)body["error"]!["message"]!, StringComparison.Ordinal);
        Assert.Contains("/market/rank", (string)body["error"]!["suggestion"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_BadUniverseEntries_EachReportedWithItsPosition()
    {
        var (response, body) = await PostAsync("market/scan", """{"universe": ["BTC/USDT", "BTCUSDT", "NOPE:X/Y", "ETH/USDT"], "condition": "close > 0"}""");

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var message = (string)body["error"]!["message"]!;
        Assert.Contains("universe[1]", message, StringComparison.Ordinal);
        Assert.Contains("universe[2]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("universe[0]", message, StringComparison.Ordinal);
        Assert.Equal(2, body["error"]!["details"]!["problems"]!.AsArray().Count);
    }

    [Fact]
    public async Task Scan_UniverseOverLimit_ValidationError()
    {
        var universe = string.Join(",", Enumerable.Range(0, 501).Select(i => "\"BTC/USDT\""));

        var (response, body) = await PostAsync("market/scan", $$"""{"universe": [{{universe}}], "condition": "close > 0"}""");

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("500", (string)body["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"condition": "close > 0"}""", "'universe'")]
    [InlineData("""{"universe": [], "condition": "close > 0"}""", "'universe'")]
    [InlineData("""{"universe": "top100", "condition": "close > 0"}""", "'universe'")]
    [InlineData("""{"universe": ["BTC/USDT", 5], "condition": "close > 0"}""", "'universe[1]'")]
    [InlineData("""{"universe": ["top0"], "condition": "close > 0"}""", "'universe[0]'")]
    [InlineData("""{"universe": ["top501"], "condition": "close > 0"}""", "'universe[0]'")]
    [InlineData("""{"universe": ["BTC/USDT", "top10"], "condition": "close > 0"}""", "'universe[1]'")]
    [InlineData("""{"universe": ["BTC/USDT"]}""", "'condition'")]
    [InlineData("""{"universe": ["BTC/USDT"], "expression": "close > 0"}""", "'condition'")]
    [InlineData("""{"universe": ["BTC/USDT"], "condition": "close >"}""", "'condition'")]
    [InlineData("""{"universe": ["BTC/USDT"], "condition": "close > 0", "timeframe": "hourly"}""", "'timeframe'")]
    [InlineData("""{"universe": ["BTC/USDT"], "condition": "close > 0", "bars": 5001}""", "'bars'")]
    [InlineData("""{"universe": ["BTC/USDT"], "condition": "sma(close, 6000)[-1] > 0"}""", "6001 bars")]
    [InlineData("""{"universe": ["BTC/USDT"], "condition": "close > 0", "market_type": "futures"}""", "'market_type'")]
    public async Task Scan_BadField_ValidationErrorNamingTheField(string json, string mentions)
    {
        var (response, body) = await PostAsync("market/scan", json);

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(mentions, (string)body["error"]!["message"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)body["error"]!["suggestion"]));
    }

    [Fact]
    public async Task Scan_DslDocsExample_RunsAndEveryMatchSatisfiesBothParts()
    {
        var (response, body) = await PostAsync("market/scan", """{"universe": ["top100"], "exchange": "sim", "timeframe": "1h", "condition": "rsi(close, 14)[-1] < 30 and close > ema(close, 200)"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var symbol in body["data"]!["matched"]!.AsArray().Select(m => (string)m!))
        {
            var (_, rsi) = await PostAsync("market/evaluate", $$"""{"symbol": "{{symbol}}", "expression": "rsi(close, 14)"}""");
            Assert.True((double)rsi["data"]!["value"]! < 30);
        }
    }

    // ---- rank ----

    [Fact]
    public async Task Rank_HeyTradersExample_TopThreeByScoreWithPrices()
    {
        const string Universe = """["BTC/USDT", "ETH/USDT", "SOL/USDT", "DOGE/USDT", "XRP/USDT"]""";
        var (response, body) = await PostAsync("market/rank", $$"""{"universe": {{Universe}}, "exchange": "sim", "timeframe": "1h", "expression": "roc(close, 24)[-1]", "order": "desc", "limit": 3}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body["data"]!;
        var ranked = data["ranked"]!.AsArray();
        Assert.Equal(3, ranked.Count);
        Assert.Equal([1, 2, 3], ranked.Select(r => (int)r!["rank"]!));
        Assert.True((double)ranked[0]!["score"]! >= (double)ranked[1]!["score"]! && (double)ranked[1]!["score"]! >= (double)ranked[2]!["score"]!);
        Assert.All(ranked, r => Assert.True((double)r!["price"]! > 0));
        Assert.Equal(5, (int)data["scanned_count"]!);
        Assert.Empty(data["unranked"]!.AsArray());
        Assert.Equal("desc", (string?)data["order"]);

        // The leader's score is what evaluate says for it.
        var (_, one) = await PostAsync("market/evaluate", $$"""{"symbol": "{{(string)ranked[0]!["symbol"]!}}", "expression": "roc(close, 24)[-1]"}""");
        Assert.Equal((double)one["data"]!["value"]!, (double)ranked[0]!["score"]!);
        Assert.Equal((string?)one["data"]!["timestamp"], (string?)ranked[0]!["timestamp"]);
    }

    [Fact]
    public async Task Rank_AscendingDefaultLimit_LowestFirstAtMostTen()
    {
        var (_, body) = await PostAsync("market/rank", """{"universe": ["top100"], "expression": "rsi(close, 14)", "order": "asc"}""");

        var ranked = body["data"]!["ranked"]!.AsArray();
        Assert.Equal(10, ranked.Count);
        Assert.Equal(10, (int)body["data"]!["limit"]!);
        Assert.Equal(SimSpotMarkets, (int)body["data"]!["scanned_count"]!);
        var scores = ranked.Select(r => (double)r!["score"]!).ToArray();
        Assert.Equal(scores.Order(), scores);
    }

    [Fact]
    public async Task Rank_UnknownSymbolAndNaValue_UnrankedWithReason()
    {
        var (response, body) = await PostAsync("market/rank", """{"universe": ["BTC/USDT", "NOPE/USDT", "ETH/USDT"], "expression": "close / (high - high)"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unranked = body["data"]!["unranked"]!.AsArray();
        var nope = unranked.Single(u => (string?)u!["symbol"] == "NOPE/USDT")!;
        Assert.Equal("UNKNOWN_SYMBOL", (string?)nope["code"]);
        Assert.Contains("NOPE", (string)nope["reason"]!, StringComparison.Ordinal);
        Assert.Equal(3, (int)body["data"]!["scanned_count"]!);
        Assert.Equal(3, body["data"]!["ranked"]!.AsArray().Count + unranked.Count);
    }

    [Fact]
    public async Task Rank_BooleanExpression_ValidationErrorPointingToScan()
    {
        var (response, body) = await PostAsync("market/rank", """{"universe": ["BTC/USDT"], "expression": "rsi(close, 14)[-1] < 30"}""");

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("not a number", (string)body["error"]!["message"]!, StringComparison.Ordinal);
        Assert.Contains("/market/scan", (string)body["error"]!["suggestion"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"universe": ["BTC/USDT"], "expression": "close", "order": "up"}""", "'order'")]
    [InlineData("""{"universe": ["BTC/USDT"], "expression": "close", "limit": 0}""", "'limit'")]
    [InlineData("""{"universe": ["BTC/USDT"], "expression": "close", "limit": 501}""", "'limit'")]
    [InlineData("""{"universe": ["BTC/USDT"], "expression": "close", "limit": 2.5}""", "'limit'")]
    [InlineData("""{"universe": ["BTC/USDT"], "condition": "close"}""", "'expression'")]
    [InlineData("""{"universe": ["BTC/USDT"]}""", "'expression'")]
    [InlineData("""{"expression": "close"}""", "'universe'")]
    [InlineData("""{"universe": ["BTC/USDT"], "expression": "close", "bars": -1}""", "'bars'")]
    public async Task Rank_BadField_ValidationErrorNamingTheField(string json, string mentions)
    {
        var (response, body) = await PostAsync("market/rank", json);

        Envelopes.AssertError(response, body, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(mentions, (string)body["error"]!["message"]!, StringComparison.Ordinal);
    }

    // ---- access ----

    [Theory]
    [InlineData("market/evaluate")]
    [InlineData("market/scan")]
    [InlineData("market/rank")]
    public async Task ResearchRoutes_NoKey_InvalidApiKey(string path)
    {
        var (response, body) = await Server.PostAsync(path, """{"symbol": "BTC/USDT", "expression": "close"}""");

        Envelopes.AssertError(response, body, HttpStatusCode.Unauthorized, "INVALID_API_KEY");
    }

    [Fact]
    public async Task ResearchRoutes_ListedInCapabilitiesAsResearch()
    {
        var (_, body) = await Server.GetAsync("meta/capabilities", _fixture.Key);

        var text = body.ToJsonString();
        Assert.Contains("/api/v1/market/evaluate", text, StringComparison.Ordinal);
        Assert.Contains("/api/v1/market/scan", text, StringComparison.Ordinal);
        Assert.Contains("/api/v1/market/rank", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheResearchRoutes()
    {
        var openapi = await Server.Client.GetStringAsync(new Uri(Server.Client.BaseAddress!, "/openapi/v1.json"));

        Assert.Contains("/api/v1/market/evaluate", openapi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/market/scan", openapi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/market/rank", openapi, StringComparison.Ordinal);
    }

    private Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(string path, string json) => Server.PostAsync(path, json, _fixture.Key);
}
