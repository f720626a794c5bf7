using System.Net;

namespace Tradewind.Server.Tests;

/// <summary>/backtest/results/{id}/analysis with a language model (a fake OpenAI-compatible server on loopback) and without.</summary>
public sealed class BacktestAnalysisTests
{
    private const string ApiKey = "sk-test-Secret0123456789abcdef7890";

    [Fact]
    public async Task Analysis_LlmConfigured_AnswerFromModelWithMetricsAndScriptInPrompt()
    {
        await using var llm = await FakeChatServer.StartAsync();
        await using var server = await TestServer.StartAsync(Settings(llm));
        var (key, resultId) = await CompletedAsync(server);

        var (response, body) = await server.GetAsync($"backtest/results/{resultId}/analysis", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("llm", (string?)body["data"]!["source"]);
        Assert.Equal("test-model", (string?)body["data"]!["model"]);
        Assert.StartsWith("The SMA 10/30 crossover traded both tickers", (string)body["data"]!["analysis"]!, StringComparison.Ordinal);
        Assert.Null(body["data"]!["findings"]);

        var (authorization, request) = Assert.Single(llm.Requests);
        Assert.Equal("Bearer " + ApiKey, authorization);
        Assert.Equal("test-model", (string?)request["model"]);
        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", (string?)messages[0]!["role"]);
        var prompt = (string)messages[1]!["content"]!;
        Assert.Contains("\"sharpe_ratio\":", prompt, StringComparison.Ordinal);
        Assert.Contains("\"ticker\":\"SIM:BTC/USDT\"", prompt, StringComparison.Ordinal);
        Assert.Contains("crossover(fast, slow)", prompt, StringComparison.Ordinal);

        // The LLM's key never reaches the log.
        Assert.DoesNotContain(ApiKey, server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey[^12..], server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysis_LlmConfigured_SourceDeterministic_RuleBased()
    {
        await using var llm = await FakeChatServer.StartAsync();
        await using var server = await TestServer.StartAsync(Settings(llm));
        var (key, resultId) = await CompletedAsync(server);

        var (response, body) = await server.GetAsync($"backtest/results/{resultId}/analysis?source=deterministic", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("deterministic", (string?)body["data"]!["source"]);
        Assert.Empty(llm.Requests);
    }

    [Fact]
    public async Task Analysis_LlmTimesOut_AnalysisUnavailableNamingTheTimeout()
    {
        await using var llm = await FakeChatServer.StartAsync();
        llm.Answer = (200, FakeChatServer.Fixture("openai-chat-completion.json"), TimeSpan.FromSeconds(30));
        var settings = Settings(llm);
        settings["Tradewind:Llm:TimeoutSeconds"] = "1";
        await using var server = await TestServer.StartAsync(settings);
        var (key, resultId) = await CompletedAsync(server);

        var (response, body) = await server.GetAsync($"backtest/results/{resultId}/analysis", key);

        Envelopes.AssertError(response, body, HttpStatusCode.BadGateway, "ANALYSIS_UNAVAILABLE");
        Assert.Contains("did not answer within 1 seconds", (string)body["error"]!["message"]!, StringComparison.Ordinal);
        Assert.Contains("source=deterministic", (string)body["error"]!["suggestion"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, """{"id":"chatcmpl-1","object":"chat.completion","created":1741570283,"model":"m","choices":[]}""", "had no text")]
    [InlineData(200, "<html>not json</html>", "had no text")]
    [InlineData(200, """{"choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"content_filter"}]}""", "had no text")]
    [InlineData(401, "openai-error-invalid-key.json", "HTTP 401: Incorrect API key provided")]
    [InlineData(500, "", "HTTP 500")]
    public async Task Analysis_LlmAnswersBadly_AnalysisUnavailableWithTheReason(int status, string answer, string expected)
    {
        await using var llm = await FakeChatServer.StartAsync();
        llm.Answer = (status, answer.EndsWith(".json", StringComparison.Ordinal) ? FakeChatServer.Fixture(answer) : answer, TimeSpan.Zero);
        await using var server = await TestServer.StartAsync(Settings(llm));
        var (key, resultId) = await CompletedAsync(server);

        var (response, body) = await server.GetAsync($"backtest/results/{resultId}/analysis", key);

        Envelopes.AssertError(response, body, HttpStatusCode.BadGateway, "ANALYSIS_UNAVAILABLE");
        Assert.Contains(expected, (string)body["error"]!["message"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysis_LlmUnreachable_AnalysisUnavailable()
    {
        var settings = BacktestFlow.Settings();
        settings["Tradewind:Llm:BaseUrl"] = "http://127.0.0.1:9"; // the discard port: nothing listens
        settings["Tradewind:Llm:Model"] = "test-model";
        settings["Tradewind:Llm:ApiKey"] = ApiKey;
        await using var server = await TestServer.StartAsync(settings);
        var (key, resultId) = await CompletedAsync(server);

        var (response, body) = await server.GetAsync($"backtest/results/{resultId}/analysis", key);

        Envelopes.AssertError(response, body, HttpStatusCode.BadGateway, "ANALYSIS_UNAVAILABLE");
        Assert.Contains("could not be reached", (string)body["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysis_NoLlm_SourceLlm_AnalysisUnavailable()
    {
        await using var server = await TestServer.StartAsync(BacktestFlow.Settings());
        var (key, resultId) = await CompletedAsync(server);

        var (response, body) = await server.GetAsync($"backtest/results/{resultId}/analysis?source=llm", key);
        var (badSource, badSourceBody) = await server.GetAsync($"backtest/results/{resultId}/analysis?source=magic", key);

        Envelopes.AssertError(response, body, HttpStatusCode.BadGateway, "ANALYSIS_UNAVAILABLE");
        Assert.Contains("No language model is configured", (string)body["error"]!["message"]!, StringComparison.Ordinal);
        Envelopes.AssertError(badSource, badSourceBody, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    private static Dictionary<string, string?> Settings(FakeChatServer llm)
    {
        var settings = BacktestFlow.Settings();
        settings["Tradewind:Llm:BaseUrl"] = llm.BaseUrl;
        settings["Tradewind:Llm:Model"] = "test-model";
        settings["Tradewind:Llm:ApiKey"] = ApiKey;
        return settings;
    }

    private static async Task<(string Key, string ResultId)> CompletedAsync(TestServer server)
    {
        var (key, _) = await server.RegisterAsync();
        var id = await BacktestFlow.ExecuteAsync(server.SendAsync, key);
        var status = await BacktestFlow.WaitAsync(server.SendAsync, key, id, "completed");
        return (key, (string)status["result_id"]!);
    }
}
