using Tradewind.Server.Backtests;

namespace Tradewind.Server.Hosting;

/// <summary>
/// The <c>Tradewind</c> configuration section (appsettings.json, <c>Tradewind__X</c> environment variables,
/// <c>--Tradewind:X=value</c> flags). docs/configuration.md lists every setting.
/// </summary>
public sealed class ServerOptions
{
    public const string Section = "Tradewind";

    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Data directory; null means <c>TRADEWIND_DATA_DIR</c> or the platform default.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>PostgreSQL connection string; null or empty means the embedded SQLite file.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The exchange market endpoints use when a request names none.</summary>
    public string DefaultExchange { get; set; } = "sim";

    /// <summary>Whether <c>POST /api/v1/users/signup</c> accepts new users.</summary>
    public bool AllowSignUp { get; set; } = true;

    /// <summary>Requests per minute per API key (and per IP for requests without one).</summary>
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>Provisional registrations per hour per client IP.</summary>
    public int RegistrationsPerHourPerIp { get; set; } = 5;

    public int ProvisionalKeyLifetimeHours { get; set; } = 24;

    public int ClaimCodeLifetimeMinutes { get; set; } = 30;

    public int MaxAgentsPerUser { get; set; } = 10;

    public int SessionLifetimeHours { get; set; } = 24 * 7;

    /// <summary>Largest accepted request body.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Backtests per hour and per day for provisional keys (enforced by the backtest endpoints).</summary>
    public int ProvisionalBacktestsPerHour { get; set; } = 10;

    public int ProvisionalBacktestsPerDay { get; set; } = 30;

    /// <summary>Backtests per hour and per day for claimed keys.</summary>
    public int ClaimedBacktestsPerHour { get; set; } = 120;

    public int ClaimedBacktestsPerDay { get; set; } = 1000;

    /// <summary>Where the markdown docs are; null means the docs copied next to the server binaries.</summary>
    public string? DocsDirectory { get; set; }

    /// <summary>Seconds in-flight requests get to finish on shutdown.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The server's public address for share links (<c>dashboard_url</c>), e.g. <c>https://tradewind.example.com</c>;
    /// null means the scheme and host of the request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The backtest worker (<c>Tradewind:Backtests:*</c>).</summary>
    public BacktestSettings Backtests { get; set; } = new();

    /// <summary>The language model behind <c>/backtest/results/{id}/analysis</c> (<c>Tradewind:Llm:*</c>).</summary>
    public LlmSettings Llm { get; set; } = new();
}
