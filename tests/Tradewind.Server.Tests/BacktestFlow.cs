using System.Net;
using System.Text.Json.Nodes;

namespace Tradewind.Server.Tests;

/// <summary>Submitting a backtest and waiting for it, over HTTP, for any server under test.</summary>
internal static class BacktestFlow
{
    public const string SmaCross = """
        fast = sma(close, 10)
        slow = sma(close, 30)
        emit_signal(crossover(fast, slow), entry("LONG", Weight(1)))
        emit_signal(crossunder(fast, slow), exit())
        """;

    /// <summary>Fast settings: heartbeats and polls every 100 ms.</summary>
    public static Dictionary<string, string?> Settings(int workers = 2) => new()
    {
        ["Tradewind:Backtests:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Tradewind:Backtests:HeartbeatSeconds"] = "0.1",
        ["Tradewind:Backtests:PollSeconds"] = "0.1",
    };

    /// <summary>The execute body: an SMA cross on two sim tickers over March 2024, 1h bars, plus <paramref name="extra"/> fields.</summary>
    public static string Body(string? extra = null, string universe = """["SIM:BTC/USDT","ETH/USDT"]""")
    {
        var script = System.Text.Json.JsonSerializer.Serialize(SmaCross);
        return $$"""
            {"script":{{script}},"universe":{{universe}},"start_date":"2024-03-01","end_date":"2024-04-01",
             "timeframe":"1h","initial_cash":10000,"trading_fee":0.0005,"slippage":0.0005,"leverage":1,"mode":"isolated",
             "description":"SMA 10/30 cross"{{(extra is null ? string.Empty : "," + extra)}}}
            """;
    }

    public static async Task<string> ExecuteAsync(Func<HttpRequestMessage, Task<(HttpResponseMessage Response, JsonNode Body)>> send, string key, string? body = null)
    {
        var (response, json) = await send(TestServer.Request(HttpMethod.Post, "backtest/execute", key, body ?? Body()));
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToJsonString());
        Assert.Equal("queued", (string?)json["data"]!["status"]);
        var id = (string)json["data"]!["backtest_id"]!;
        Assert.StartsWith("bt_", id, StringComparison.Ordinal);
        return id;
    }

    /// <summary>Polls the status until it is <paramref name="until"/> (or any final state when null).</summary>
    public static async Task<JsonNode> WaitAsync(
        Func<HttpRequestMessage, Task<(HttpResponseMessage Response, JsonNode Body)>> send, string key, string id, string? until = null, int timeoutSeconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var (response, json) = await send(TestServer.Request(HttpMethod.Get, $"backtest/status/{id}", key));
            Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToJsonString());
            last = json["data"]!;
            var status = (string)last["status"]!;
            if (until is null ? status is "completed" or "failed" or "cancelled" : status == until)
            {
                return last;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Backtest {id} did not reach {until ?? "a final state"} in {timeoutSeconds} s; last status {last?.ToJsonString()}.");
    }
}
