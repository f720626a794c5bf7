using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.Research.Reports;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;

namespace Tradewind.Server.Backtests;

/// <summary>
/// Asks an OpenAI-compatible <c>/v1/chat/completions</c> endpoint for a written analysis of a backtest. The prompt holds
/// the metrics, the per-ticker rows and the script. A timeout, an HTTP error or an answer without text becomes
/// ANALYSIS_UNAVAILABLE with the reason; the API key is sent only in the Authorization header and never logged.
/// </summary>
internal sealed class LlmAnalyst(HttpClient http, IOptions<ServerOptions> options, ILogger<LlmAnalyst> logger)
{
    public const int MaxScriptChars = 8000;

    private const string SystemPrompt =
        "You are a careful quantitative trading reviewer. You are given the results of a strategy backtest: its metrics, "
        + "per-ticker rows and the strategy script. Write a concise analysis in plain prose (at most 250 words): how the "
        + "return compares with buy-and-hold, the drawdown and risk-adjusted return, trade count and win rate, the effect of "
        + "fees and funding, rejected orders and liquidations if any, what the script does, and concrete next steps. Use only "
        + "the numbers given; do not invent data. Percentages are in percent. This is not investment advice.";

    private LlmSettings Settings => options.Value.Llm;

    public bool IsConfigured => Settings.IsConfigured;

    public async Task<(string Model, string Text)> AnalyzeAsync(BacktestReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = Settings;
        if (!settings.IsConfigured)
        {
            throw new TradewindException(
                ApiErrorCodes.AnalysisUnavailable,
                "No language model is configured on this server.",
                "Ask without ?source=llm for the rule-based analysis, or set Tradewind:Llm:BaseUrl and Tradewind:Llm:Model.");
        }

        var model = settings.Model!;
        var endpoint = settings.BaseUrl!.TrimEnd('/') + (settings.BaseUrl!.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal) ? string.Empty : "/v1") + "/chat/completions";
        var body = new JsonObject
        {
            ["model"] = model,
            ["max_tokens"] = Math.Max(64, settings.MaxTokens),
            ["temperature"] = 0.2,
            ["messages"] = new JsonArray
            {
                new JsonObject { ["role"] = "system", ["content"] = SystemPrompt },
                new JsonObject { ["role"] = "user", ["content"] = Prompt(report) },
            },
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(body) };
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds));
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        string text;
        int status;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timer.Token);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The language model at {Endpoint} did not answer within {Seconds} s.", endpoint, timeout.TotalSeconds);
            throw Unavailable(string.Create(CultureInfo.InvariantCulture, $"The language model did not answer within {timeout.TotalSeconds} seconds."));
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("The language model at {Endpoint} could not be reached: {Message}", endpoint, ex.Message);
            throw Unavailable($"The language model could not be reached ({ex.Message}).");
        }

        if (status is < 200 or > 299)
        {
            var reason = ErrorMessage(text);
            logger.LogWarning("The language model at {Endpoint} answered HTTP {Status}.", endpoint, status);
            throw Unavailable(string.Create(CultureInfo.InvariantCulture, $"The language model answered HTTP {status}{(reason is null ? string.Empty : ": " + reason)}."));
        }

        var content = Content(text);
        if (content is null)
        {
            logger.LogWarning("The language model at {Endpoint} answered without choices[0].message.content.", endpoint);
            throw Unavailable("The language model's answer had no text (expected choices[0].message.content in a chat-completions response).");
        }

        return (model, content);
    }

    /// <summary>The user message: the numbers as JSON and the script, so the model can refer to both.</summary>
    internal static string Prompt(BacktestReport report)
    {
        var text = new StringBuilder();
        var s = report.Summary;
        text.Append(CultureInfo.InvariantCulture, $"Backtest of {string.Join(", ", s.Universe)} on {s.Timeframe} bars from {s.StartDate} to {s.EndDate}, {s.Mode} mode.\n\n");
        text.Append("Metrics (JSON):\n").Append(JsonSerializer.Serialize(report.Metrics, BacktestReports.Json)).Append("\n\n");
        text.Append("Options (JSON):\n").Append(JsonSerializer.Serialize(report.Options, BacktestReports.Json)).Append("\n\n");
        text.Append("Per ticker (JSON):\n").Append(JsonSerializer.Serialize(report.PerTicker, BacktestReports.Json)).Append("\n\n");
        var script = report.Script.Length > MaxScriptChars ? report.Script[..MaxScriptChars] + "\n[script truncated]" : report.Script;
        text.Append("Script:\n```\n").Append(script).Append("\n```\n");
        return text.ToString();
    }

    private static string? Content(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        // Walk the shape step by step: any other shape (no choices, an empty list, a null content) is "no text".
        if (node is not JsonObject root
            || root["choices"] is not JsonArray { Count: > 0 } choices
            || choices[0] is not JsonObject choice
            || choice["message"] is not JsonObject message
            || message["content"] is not JsonValue content
            || !content.TryGetValue<string>(out var text)
            || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return text.Trim();
    }

    private static string? ErrorMessage(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject root && root["error"] is JsonObject error
                && error["message"] is JsonValue value && value.TryGetValue<string>(out var message)
                ? Truncate(message, 300)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "...";

    private static TradewindException Unavailable(string message) => new(
        ApiErrorCodes.AnalysisUnavailable,
        message,
        "Retry later, or ask for the rule-based analysis with ?source=deterministic.");
}
