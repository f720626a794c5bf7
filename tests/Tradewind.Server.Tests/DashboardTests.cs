using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tradewind.Core;
using Tradewind.MarketData;
using Tradewind.Server.Dashboard;

namespace Tradewind.Server.Tests;

public sealed partial class DashboardTests : IClassFixture<DashboardFixture>
{
    private readonly DashboardFixture _fixture;

    public DashboardTests(DashboardFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Page_StoredResult_HtmlWithStrictPolicyAndNoKeyNeeded()
    {
        using var response = await _fixture.Http.GetAsync(_fixture.Month.PagePath);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));

        // Every script comes from this server by URL: nothing inline, nothing from another host.
        var scripts = ScriptTag().Matches(html);
        Assert.Equal(2, scripts.Count);
        Assert.All(scripts, s => Assert.Matches("src=\"/dashboard/assets/[^\"]+\\?v=[0-9a-f]{16}\"", s.Value));
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotMatch("(src|href)=\"https?://(?!www\\.tradingview\\.com/\")", html);
        Assert.Contains($"data-data-url=\"/dashboard/backtest/{_fixture.Month.Id}/data\"", html);
    }

    [Fact]
    public async Task Data_StoredResult_TheStoredReportAndEachTickersBarsOverThePeriod()
    {
        var (response, body) = await GetEnvelopeAsync(_fixture.Month.DataPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body["data"]!;
        Assert.Equal(_fixture.Month.Id, (string?)data["result_id"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(_fixture.Month.Json), data["report"]));
        Assert.Equal(744, (int)data["equity_points"]!);
        Assert.Equal(744, (int)data["equity_points_shown"]!);

        var candles = data["candles"]!.AsArray();
        Assert.Equal(["SIM:BTC/USDT", "SIM:ETH/USDT"], candles.Select(c => (string)c!["ticker"]!));
        var spec = _fixture.Month.Spec;
        var service = _fixture.Service<CandleService>();
        foreach (var c in candles)
        {
            var expected = (await service.GetCandlesAsync(Ticker.Parse((string)c!["ticker"]!), spec.Timeframe, spec.From, spec.To, null, CancellationToken.None)).Candles;
            Assert.Null(c["error"]);
            Assert.Equal(1, (int)c["bars_per_point"]!);
            Assert.Equal(744, (int)c["source_bars"]!);
            Assert.Equal(expected.Time, c["time"]!.AsArray().Select(t => (long)t!));
            Assert.Equal(expected.Open, c["open"]!.AsArray().Select(t => (double)t!));
            Assert.Equal(expected.High, c["high"]!.AsArray().Select(t => (double)t!));
            Assert.Equal(expected.Low, c["low"]!.AsArray().Select(t => (double)t!));
            Assert.Equal(expected.Close, c["close"]!.AsArray().Select(t => (double)t!));
            Assert.Equal(spec.From, expected.Time[0]);
            Assert.True(expected.Time[^1] < spec.To);
        }
    }

    [Fact]
    public async Task Data_YearOfHourlyBars_EquityAndPricesThinnedKeepingEndsAndExtremes()
    {
        var (_, body) = await GetEnvelopeAsync(_fixture.Year.DataPath);

        var data = body["data"]!;
        var report = _fixture.Year.Report;
        var equity = data["report"]!["equity"]!.AsArray();
        Assert.Equal(report.Equity.Count, (int)data["equity_points"]!);
        Assert.True(report.Equity.Count > DashboardApi.MaxEquityPoints);
        Assert.Equal(equity.Count, (int)data["equity_points_shown"]!);
        Assert.InRange(equity.Count, DashboardApi.MaxEquityPoints - 1, DashboardApi.MaxEquityPoints);
        Assert.Equal(report.Equity[0].Timestamp, (string?)equity[0]!["timestamp"]);
        Assert.Equal(report.Equity[^1].Timestamp, (string?)equity[^1]!["timestamp"]);
        var deepest = report.Equity.Max(e => e.DrawdownPct);
        Assert.Contains(equity, e => (double)e!["drawdown_pct"]! == deepest);

        // Everything but the curve is the stored report as it is.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(_fixture.Year.Json)!["trades"], data["report"]!["trades"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(_fixture.Year.Json)!["summary"], data["report"]!["summary"]));

        var prices = data["candles"]![0]!;
        var spec = _fixture.Year.Spec;
        var bars = (await _fixture.Service<CandleService>().GetCandlesAsync(spec.Universe[0], spec.Timeframe, spec.From, spec.To, null, CancellationToken.None)).Candles;
        Assert.Equal(bars.Count, (int)prices["source_bars"]!);
        Assert.Equal(2, (int)prices["bars_per_point"]!);
        var high = prices["high"]!.AsArray().Select(v => (double)v!).ToArray();
        var low = prices["low"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.True(high.Length <= DashboardApi.MaxBarsPerTicker);
        Assert.Equal(bars.High.Max(), high.Max());
        Assert.Equal(bars.Low.Min(), low.Min());
        Assert.Equal(bars.Close[^1], (double)prices["close"]!.AsArray()[^1]!);
    }

    [Fact]
    public async Task Page_UnknownId_NotFoundHtmlPage()
    {
        using var response = await _fixture.Http.GetAsync("dashboard/backtest/res_doesnotexist");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Backtest result not found", html);
        Assert.Contains("res_doesnotexist", html);
        Assert.Contains("default-src 'none'", Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("dashboard/backtest/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("dashboard/backtest/a.b")]
    public async Task Page_ImplausibleId_NotFoundWithTheIdEscaped(string path)
    {
        using var response = await _fixture.Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task Data_UnknownId_EnvelopeWithBacktestNotFound()
    {
        var (response, body) = await GetEnvelopeAsync("dashboard/backtest/res_doesnotexist/data");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((bool)body["success"]!);
        Assert.Equal("BACKTEST_NOT_FOUND", (string?)body["error"]!["code"]);
        Assert.Contains("res_doesnotexist", (string?)body["error"]!["message"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error"]!["suggestion"]));
    }

    [Fact]
    public async Task Assets_VersionedUrlsFromThePage_ServedCachedAndRevalidated()
    {
        var html = await _fixture.Http.GetStringAsync(_fixture.Month.PagePath);
        var urls = AssetUrl().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(urls, u => u.StartsWith("/dashboard/assets/report.js?v=", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith("/dashboard/assets/report.css?v=", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith("/dashboard/assets/vendor/lightweight-charts.standalone.production.js?v=", StringComparison.Ordinal));

        foreach (var url in urls)
        {
            using var response = await _fixture.Http.GetAsync(url.TrimStart('/'));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
            Assert.NotNull(response.Headers.ETag);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);

            using var again = new HttpRequestMessage(HttpMethod.Get, url.TrimStart('/'));
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            using var revalidated = await _fixture.Http.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }

        using var script = await _fixture.Http.GetAsync("dashboard/assets/report.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", script.Headers.CacheControl?.ToString());
        using var css = await _fixture.Http.GetAsync("dashboard/assets/report.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("dashboard/assets/nope.js")]
    [InlineData("dashboard/assets/report.html")]
    [InlineData("dashboard/assets/vendor/PROVENANCE.md")]
    public async Task Assets_UnknownOrTemplate_NotFound(string path)
    {
        var (response, body) = await GetEnvelopeAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", (string?)body["error"]!["code"]);
        Assert.Contains("/dashboard/backtest/{result_id}", (string?)body["error"]!["suggestion"]);
    }

    [Fact]
    public async Task Page_IdLookingLikeAPlaceholder_ShownAsText()
    {
        using var response = await _fixture.Http.GetAsync("dashboard/backtest/%7B%7Breport.js%7D%7D");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<code>{{report.js}}</code>", html);
    }

    [ChromiumFact]
    public async Task Browser_StoredResult_ChartsDrawAndNumbersMatchTheReport()
    {
        var result = _fixture.Month;
        var (_, body) = await GetEnvelopeAsync(result.DataPath);
        var api = body["data"]!["report"]!;
        var summary = api["summary"]!;
        var trades = api["trades"]!.AsArray();
        Assert.NotEmpty(trades);

        var dom = await HeadlessChromium.DumpDomAsync(new Uri(_fixture.BaseAddress, result.PagePath));
        var page = HeadlessChromium.BodyAttributes(dom);

        Assert.True(page.TryGetValue("data-ready", out var ready) && ready == "true", "The page never became ready:\n" + Describe(page));
        Assert.False(page.ContainsKey("data-error"), "The page reported an error: " + page.GetValueOrDefault("data-error-message"));

        // The charts painted their series (pixels of each series' own colour on the canvases).
        Assert.Equal("true", page["data-equity-chart-drawn"]);
        Assert.Equal("true", page["data-drawdown-chart-drawn"]);
        Assert.Equal("true", page["data-price-chart-drawn"]);
        Assert.Equal("SIM:BTC/USDT", page["data-price-ticker"]);
        Assert.Equal("744", page["data-price-bars"]);
        var btcTrades = trades.Count(t => (string?)t!["ticker"] == "SIM:BTC/USDT");
        Assert.Equal(2 * btcTrades, int.Parse(page["data-price-markers"], CultureInfo.InvariantCulture));

        // The numbers shown are the report's numbers.
        var finalEquity = (double)summary["final_equity"]!;
        Assert.Equal(finalEquity, double.Parse(page["data-final-equity-value"], CultureInfo.InvariantCulture));
        Assert.Equal(Money(finalEquity), page["data-final-equity"]);
        Assert.Contains($"id=\"summary-final-equity\"", dom);
        Assert.Contains($">{Money(finalEquity)}</dd>", dom);

        var totalReturn = (double)summary["total_return_pct"]!;
        Assert.Equal(totalReturn, double.Parse(page["data-total-return-value"], CultureInfo.InvariantCulture));
        Assert.Equal(SignedPct(totalReturn), page["data-total-return"]);

        Assert.Equal(trades.Count.ToString(CultureInfo.InvariantCulture), page["data-trade-count"]);
        Assert.Equal(Math.Min(trades.Count, 50).ToString(CultureInfo.InvariantCulture), page["data-trade-rows"]);
        Assert.Equal((int)summary["num_trades"]!, trades.Count);

        var firstEntry = (double)trades[0]!["entry_price"]!;
        Assert.Equal(firstEntry, double.Parse(page["data-first-entry-price-value"], CultureInfo.InvariantCulture));
        Assert.Equal(Price(firstEntry), page["data-first-entry-price"]);
        Assert.Contains($"<td class=\"num \">{Price(firstEntry)}</td>", dom);

        Assert.Equal(result.Report.PerTicker.Count.ToString(CultureInfo.InvariantCulture), page["data-per-ticker-rows"]);
        Assert.Contains("emit_signal(crossover(fast, slow)", WebUtility.HtmlDecode(dom));
    }

    [ChromiumFact]
    public async Task Browser_UnknownId_NotFoundPage()
    {
        var dom = await HeadlessChromium.DumpDomAsync(new Uri(_fixture.BaseAddress, "dashboard/backtest/res_missing"), virtualTimeMs: 2000);
        var page = HeadlessChromium.BodyAttributes(dom);

        Assert.Equal("true", page["data-not-found"]);
        Assert.Contains("Backtest result not found", dom);
    }

    // The page's formats (report.js): en-US grouping, 2 decimals for money and percentages, prices by magnitude.
    private static string Money(double v) => v.ToString("N2", CultureInfo.InvariantCulture);

    private static string SignedPct(double v) => (v > 0 ? "+" : string.Empty) + v.ToString("N2", CultureInfo.InvariantCulture) + "%";

    private static string Price(double v)
    {
        var a = Math.Abs(v);
        return v.ToString(a >= 1000 ? "N2" : a >= 1 ? "N4" : "N8", CultureInfo.InvariantCulture);
    }

    private static string Describe(IReadOnlyDictionary<string, string> attributes) =>
        string.Join('\n', attributes.Select(a => $"{a.Key}={a.Value}"));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;

    private async Task<(HttpResponseMessage Response, JsonNode Body)> GetEnvelopeAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await _fixture.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Envelopes.AssertShape(response, body);
        return (response, body);
    }

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("(?:src|href)=\"(/dashboard/assets/[^\"]+)\"")]
    private static partial Regex AssetUrl();
}
