using System.Net;
using System.Text.Json.Nodes;

namespace Tradewind.Server.Tests;

/// <summary>The backtest API end to end on the real loopback server with SQLite: execute, poll, read every result view.</summary>
public sealed class BacktestApiTests
{
    [Fact]
    public async Task FullFlow_ExecutePollAndReadResults_EveryViewAnswers()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings());
        var (key, _) = await server.RegisterAsync();
        await RunFullFlowAsync(server, key);
    }

    [PostgresFact]
    public async Task FullFlow_OnPostgres_EveryViewAnswers()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(), postgres: true);
        var (key, _) = await server.RegisterAsync();
        await RunFullFlowAsync(server, key);
        await OwnershipAsync(server);
    }

    [PostgresFact]
    public async Task Cancel_OnPostgres_QueuedJobCancelled()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0), postgres: true);
        await CancelQueuedAsync(server);
    }

    [Fact]
    public async Task Status_RightAfterExecute_QueuedOrRunningWithTimes()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0));
        var (key, _) = await server.RegisterAsync();
        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, key);

        var (response, body) = await server.GetAsync($"backtest/status/{id}", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body["data"]!;
        Assert.Equal(id, (string?)data["backtest_id"]);
        Assert.Equal("queued", (string?)data["status"]);
        Assert.Equal(0.0, (double)data["progress"]!);
        Assert.Null(data["result_id"]);
        Assert.Null(data["started_at"]);
        Assert.EndsWith("Z", (string)data["created_at"]!, StringComparison.Ordinal);
        Assert.Equal("SMA 10/30 cross", (string?)data["description"]);
    }

    [Fact]
    public async Task Cancel_QueuedJob_CancelledWithMessage_SecondCancelChangesNothing()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0));
        await CancelQueuedAsync(server);
    }

    [Fact]
    public async Task OtherKey_EveryBacktestRoute_BacktestNotFound()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings());
        await OwnershipAsync(server);
    }

    [Fact]
    public async Task Results_WithBacktestIdOrUnknownId_BacktestNotFoundWithHint()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0));
        var (key, _) = await server.RegisterAsync();
        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, key);

        var (r1, b1) = await server.GetAsync($"backtest/results/{id}", key);
        var (r2, b2) = await server.GetAsync("backtest/status/bt_doesnotexist", key);

        Envelopes.AssertError(r1, b1, HttpStatusCode.NotFound, "BACKTEST_NOT_FOUND");
        Assert.Contains("result_id", (string)b1["error"]!["suggestion"]!, StringComparison.Ordinal);
        Envelopes.AssertError(r2, b2, HttpStatusCode.NotFound, "BACKTEST_NOT_FOUND");
    }

    [Fact]
    public async Task Execute_DataMissingForThePeriod_JobFailsWithTheReason()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings());
        var (key, _) = await server.RegisterAsync();
        var body = BacktestFlow.Body().Replace("2024-03-01", "2099-03-01", StringComparison.Ordinal).Replace("2024-04-01", "2099-04-01", StringComparison.Ordinal);

        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, key, body);
        var status = await BacktestFlow.WaitAsync(server.SendAsync, key, id);

        Assert.Equal("failed", (string?)status["status"]);
        Assert.StartsWith("DATA_UNAVAILABLE: ", (string)status["message"]!, StringComparison.Ordinal);
        Assert.Null(status["result_id"]);
        Assert.NotNull(status["finished_at"]);
    }

    [Fact]
    public async Task Execute_PublicBaseUrlSet_DashboardUrlUsesIt()
    {
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?>(BacktestFlow.Settings())
        {
            ["Tradewind:PublicBaseUrl"] = "https://tradewind.example.com/",
        });
        var (key, _) = await server.RegisterAsync();
        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, key, BacktestFlow.Body(universe: """["SIM:SOL/USDT"]"""));
        var resultId = (string)(await BacktestFlow.WaitAsync(server.SendAsync, key, id, "completed"))["result_id"]!;

        var (_, result) = await server.GetAsync($"backtest/results/{resultId}", key);

        Assert.Equal($"https://tradewind.example.com/dashboard/backtest/{resultId}", (string?)result["data"]!["dashboard_url"]);
    }

    [Fact]
    public async Task Validate_GoodAndBadScripts_ErrorsWithLineAndColumn()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0));
        var (key, _) = await server.RegisterAsync();
        var script = System.Text.Json.JsonSerializer.Serialize(BacktestFlow.SmaCross);

        var (r1, good) = await server.PostAsync("backtest/validate", $$"""{"script":{{script}},"universe":["BTC/USDT"]}""", key);
        var (r2, bad) = await server.PostAsync("backtest/validate", """{"script":"x = sma(close, 10)\ny = smaa(close, 5) +","universe":["SIM:BTC/USDT","NOPE"]}""", key);

        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        Assert.True((bool)good["data"]!["valid"]!);
        Assert.Empty(good["data"]!["errors"]!.AsArray());
        Assert.Equal(31, (int)good["data"]!["warm_up_bars"]!);
        Assert.Equal("SIM:BTC/USDT", (string?)good["data"]!["universe"]![0]);
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.False((bool)bad["data"]!["valid"]!);
        var errors = bad["data"]!["errors"]!.AsArray();
        var scriptError = errors.First(e => e!["line"] is not null)!;
        Assert.Equal(2, (int)scriptError["line"]!);
        Assert.True((int)scriptError["column"]! >= 1);
        Assert.StartsWith("DSL_", (string)scriptError["code"]!, StringComparison.Ordinal);
        Assert.Contains(errors, e => ((string)e!["message"]!).Contains("universe[1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_FullTickersOnAnotherExchange_StandAsWrittenBesidePlainSymbolsOnTheDefault()
    {
        // HeyTraders clients always send full EXCHANGE:BASE/QUOTE tickers and may omit 'exchange' (default: sim here).
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings(workers: 0));
        var (key, _) = await server.RegisterAsync();
        var script = System.Text.Json.JsonSerializer.Serialize(BacktestFlow.SmaCross);

        var (response, body) = await server.PostAsync("backtest/validate", $$"""{"script":{{script}},"universe":["BINANCE:BTC/USDT","ETH/USDT"]}""", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)body["data"]!["valid"]!, body.ToJsonString());
        Assert.Equal(["BINANCE:BTC/USDT", "SIM:ETH/USDT"], body["data"]!["universe"]!.AsArray().Select(t => (string)t!).ToArray());
    }

    internal static async Task RunFullFlowAsync(TestServer server, string key)
    {
        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, key);
        var status = await BacktestFlow.WaitAsync(server.SendAsync, key, id);
        Assert.True((string?)status["status"] == "completed", status.ToJsonString());
        Assert.Equal(1.0, (double)status["progress"]!);
        Assert.NotNull(status["started_at"]);
        Assert.NotNull(status["finished_at"]);
        Assert.Null(status["message"]);
        var resultId = (string)status["result_id"]!;
        Assert.StartsWith("btr_", resultId, StringComparison.Ordinal);
        Assert.True(resultId.Length >= 4 + 22, "a result id carries at least 128 random bits");

        // Summary, metrics and the share link.
        var (r1, result) = await server.GetAsync($"backtest/results/{resultId}", key);
        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        var data = result["data"]!;
        Assert.Equal(resultId, (string?)data["result_id"]);
        Assert.Equal(id, (string?)data["backtest_id"]);
        Assert.Equal("SMA 10/30 cross", (string?)data["description"]);
        var origin = server.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.Equal($"{origin}/dashboard/backtest/{resultId}", (string?)data["dashboard_url"]);
        Assert.Equal(["SIM:BTC/USDT", "SIM:ETH/USDT"], data["summary"]!["universe"]!.AsArray().Select(u => (string)u!));
        Assert.Equal("1h", (string?)data["summary"]!["timeframe"]);
        Assert.Equal(744, (int)data["summary"]!["bars"]!);
        Assert.NotNull(data["metrics"]!["sharpe_ratio"]);
        Assert.NotNull(data["metrics"]!["total_return_pct"]);
        Assert.Equal(10000.0, (double)data["options"]!["initial_cash"]!);

        var (r2, metrics) = await server.GetAsync($"backtest/results/{resultId}/metrics", key);
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.Equal((double?)data["metrics"]!["sharpe_ratio"], (double?)metrics["data"]!["metrics"]!["sharpe_ratio"]);
        Assert.NotNull(metrics["data"]!["metrics"]!["profit_factor"]);

        var (_, perTicker) = await server.GetAsync($"backtest/results/{resultId}/per-ticker", key);
        Assert.Equal(2, (int)perTicker["data"]!["count"]!);
        Assert.Equal("SIM:BTC/USDT", (string?)perTicker["data"]!["tickers"]![0]!["ticker"]);
        Assert.NotNull(perTicker["data"]!["tickers"]![0]!["buy_and_hold_return_pct"]);

        // Trades, paged: two pages put together are the first rows of the whole list.
        var (_, all) = await server.GetAsync($"backtest/results/{resultId}/trades?limit=1000", key);
        var total = (int)all["data"]!["total"]!;
        Assert.True(total >= 4, all.ToJsonString());
        Assert.Equal((int)data["summary"]!["num_trades"]!, total);
        var (_, page1) = await server.GetAsync($"backtest/results/{resultId}/trades?limit=2&offset=0", key);
        var (_, page2) = await server.GetAsync($"backtest/results/{resultId}/trades?limit=2&offset=2", key);
        var (_, beyond) = await server.GetAsync($"backtest/results/{resultId}/trades?limit=2&offset={total}", key);
        Assert.Equal(total, (int)page1["data"]!["total"]!);
        Assert.Equal(2, (int)page1["data"]!["count"]!);
        Assert.Equal(2, (int)page2["data"]!["offset"]!);
        var paged = page1["data"]!["trades"]!.AsArray().Concat(page2["data"]!["trades"]!.AsArray()).Select(t => t!.ToJsonString()).ToList();
        Assert.Equal(all["data"]!["trades"]!.AsArray().Take(4).Select(t => t!.ToJsonString()).ToList(), paged);
        Assert.Equal(0, (int)beyond["data"]!["count"]!);
        var first = all["data"]!["trades"]![0]!;
        Assert.Contains((string)first["side"]!, new[] { "long", "short" });
        Assert.NotNull(first["entry_time"]);
        Assert.NotNull(first["pnl"]);
        var (badLimit, badLimitBody) = await server.GetAsync($"backtest/results/{resultId}/trades?limit=0", key);
        Envelopes.AssertError(badLimit, badLimitBody, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("'limit'", (string)badLimitBody["error"]!["message"]!, StringComparison.Ordinal);

        // Equity: the whole curve, and a downsample keeping the first and last bar and the deepest drawdown.
        var (_, full) = await server.GetAsync($"backtest/results/{resultId}/equity?points=10000", key);
        var (_, small) = await server.GetAsync($"backtest/results/{resultId}/equity?points=50", key);
        var (_, byDefault) = await server.GetAsync($"backtest/results/{resultId}/equity", key);
        var fullPoints = full["data"]!["points"]!.AsArray();
        var smallPoints = small["data"]!["points"]!.AsArray();
        Assert.Equal(744, (int)full["data"]!["total_points"]!);
        Assert.Equal(744, fullPoints.Count);
        // One slot is reserved for the deepest-drawdown bar; when an even point already is that bar, one point fewer.
        Assert.InRange((int)byDefault["data"]!["count"]!, 499, 500);
        Assert.InRange(smallPoints.Count, 49, 50);
        Assert.Equal(smallPoints.Count, (int)small["data"]!["count"]!);
        Assert.Equal(fullPoints[0]!.ToJsonString(), smallPoints[0]!.ToJsonString());
        Assert.Equal(fullPoints[^1]!.ToJsonString(), smallPoints[^1]!.ToJsonString());
        var deepest = fullPoints.Max(p => (double)p!["drawdown_pct"]!);
        Assert.Equal(deepest, smallPoints.Max(p => (double)p!["drawdown_pct"]!));
        Assert.Equal("2024-03-01T00:00:00Z", (string?)smallPoints[0]!["timestamp"]);
        var (badPoints, badPointsBody) = await server.GetAsync($"backtest/results/{resultId}/equity?points=20000", key);
        Envelopes.AssertError(badPoints, badPointsBody, HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        // Analysis without a language model: rule-based, labelled as such.
        var (r3, analysis) = await server.GetAsync($"backtest/results/{resultId}/analysis", key);
        Assert.Equal(HttpStatusCode.OK, r3.StatusCode);
        Assert.Equal("deterministic", (string?)analysis["data"]!["source"]);
        Assert.Null(analysis["data"]!["model"]);
        var text = (string)analysis["data"]!["analysis"]!;
        Assert.Contains("buying and holding", text, StringComparison.Ordinal);
        Assert.Contains("drawdown", text, StringComparison.Ordinal);
        Assert.Contains("Sharpe", text, StringComparison.Ordinal);
        var topics = analysis["data"]!["findings"]!.AsArray().Select(f => (string)f!["topic"]!).ToList();
        Assert.Contains("return", topics);
        Assert.Contains("drawdown", topics);
        Assert.Contains("risk_adjusted_return", topics);
        Assert.Contains("trades", topics);
        Assert.Contains("costs", topics);
    }

    internal static async Task CancelQueuedAsync(TestServer server)
    {
        var (key, _) = await server.RegisterAsync();
        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, key, BacktestFlow.Body().Replace("2024-", "2099-", StringComparison.Ordinal));

        var (r1, cancel) = await server.PostAsync($"backtest/cancel/{id}", null, key);
        var status = await BacktestFlow.WaitAsync(server.SendAsync, key, id);
        var (r2, again) = await server.PostAsync($"backtest/cancel/{id}", null, key);

        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        Assert.Equal("cancelled", (string?)status["status"]);
        Assert.Equal("Cancelled by the caller.", (string?)status["message"]);
        Assert.Null(status["result_id"]);
        Assert.Equal(id, (string?)cancel["data"]!["backtest_id"]);
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        Assert.False((bool)again["data"]!["cancelled"]!);
        Assert.Equal("cancelled", (string?)again["data"]!["status"]);
    }

    internal static async Task OwnershipAsync(TestServer server)
    {
        var (owner, _) = await server.RegisterAsync("Owner");
        var (other, _) = await server.RegisterAsync("Other");
        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, owner, BacktestFlow.Body(universe: """["SIM:BTC/USDT"]"""));
        var resultId = (string)(await BacktestFlow.WaitAsync(server.SendAsync, owner, id, "completed"))["result_id"]!;

        var paths = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Get, $"backtest/status/{id}"),
            (HttpMethod.Post, $"backtest/cancel/{id}"),
            (HttpMethod.Get, $"backtest/results/{resultId}"),
            (HttpMethod.Get, $"backtest/results/{resultId}/metrics"),
            (HttpMethod.Get, $"backtest/results/{resultId}/per-ticker"),
            (HttpMethod.Get, $"backtest/results/{resultId}/trades"),
            (HttpMethod.Get, $"backtest/results/{resultId}/equity"),
            (HttpMethod.Get, $"backtest/results/{resultId}/analysis"),
        };
        foreach (var (method, path) in paths)
        {
            var (response, body) = await server.SendAsync(TestServer.Request(method, path, other));
            Envelopes.AssertError(response, body, HttpStatusCode.NotFound, "BACKTEST_NOT_FOUND");
            var (mine, _) = await server.SendAsync(TestServer.Request(method, path, owner));
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        }
    }
}
