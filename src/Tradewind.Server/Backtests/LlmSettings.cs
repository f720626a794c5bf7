namespace Tradewind.Server.Backtests;

/// <summary>
/// The <c>Tradewind:Llm</c> settings: an OpenAI-compatible chat-completions endpoint that writes
/// <c>/backtest/results/{id}/analysis</c>. Without <see cref="BaseUrl"/> the analysis is rule-based.
/// </summary>
public sealed class LlmSettings
{
    /// <summary>The API root, e.g. <c>https://api.openai.com</c> or <c>http://127.0.0.1:11434</c>; <c>/v1/chat/completions</c> is appended.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c>; never logged. May be empty for local servers.</summary>
    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>Upper bound on the answer's length, in tokens.</summary>
    public int MaxTokens { get; set; } = 800;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(Model);
}
