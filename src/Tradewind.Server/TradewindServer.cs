using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Tradewind.MarketData;
using Tradewind.Research;
using Tradewind.MarketData.Storage;
using Tradewind.Server.Backtests;
using Tradewind.Server.Dashboard;
using Tradewind.Server.Docs;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;
using Tradewind.Server.Identity;
using Tradewind.Server.Market;
using Tradewind.Server.Meta;
using Tradewind.Server.Users;
using Tradewind.Storage;
using Tradewind.Storage.Security;

namespace Tradewind.Server;

/// <summary>
/// Composes the Tradewind host: configuration, services, the middleware pipeline and one endpoint group per feature.
/// <c>Program.cs</c>, <c>tradewind serve</c> and the tests all build it here, so they run the same server.
/// </summary>
public static class TradewindServer
{
    /// <summary>Builds the application; <paramref name="configure"/> may override services or configuration (tests do).</summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        await builder.AddTradewindServicesAsync(cancellationToken);

        var app = builder.Build();
        app.UseMiddleware<ApiExceptionMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AccessMiddleware>();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/reference");
        app.MapMetaApi();
        app.MapUsersApi();
        app.MapMarketApi();
        app.MapResearchApi();
        app.MapDocsApi();
        app.MapBacktestApi();
        app.MapDashboard();
        return app;
    }

    /// <summary>The server's settings as configured (defaults filled in).</summary>
    public static ServerOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();

    private static async Task AddTradewindServicesAsync(this WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var options = ReadOptions(builder.Configuration);
        var services = builder.Services;
        services.Configure<ServerOptions>(builder.Configuration.GetSection(ServerOptions.Section));

        // Loopback by default: nothing is exposed until the operator says so (--urls, ASPNETCORE_URLS or Kestrel:Endpoints).
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(ServerOptions.DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.Configure<RouteHandlerOptions>(r => r.ThrowOnBadRequest = true);
        services.AddOpenApi();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServerClock>();

        // State: SQLite in the data directory unless a PostgreSQL connection string is configured.
        var dataDirectory = DataDirectory.Resolve(options.DataDirectory).EnsureExists();
        var database = await TradewindDatabase.OpenAsync(
            new StorageOptions { DataDirectory = dataDirectory.Path, PostgresConnectionString = options.PostgresConnectionString },
            cancellationToken);
        services.AddSingleton(_ => database);
        services.AddSingleton<IUserStore, SqlUserStore>();
        services.AddSingleton<IAgentKeyStore, SqlAgentKeyStore>();
        services.AddSingleton<IUsageCounterStore, SqlUsageCounterStore>();
        services.AddSingleton<IJobStore, SqlJobStore>();
        services.AddSingleton<IBacktestResultStore, SqlBacktestResultStore>();
        services.AddSingleton(new PasswordHasher());
        services.AddSingleton<RequestLimiter>();
        services.AddSingleton<AgentKeyService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<DocLibrary>();
        services.AddHostedService<MaintenanceService>();

        // Market data: the candle store next to the database, and the venue providers (sim needs no network).
        var marketData = builder.Configuration.GetSection(ServerOptions.Section + ":MarketData").Get<MarketDataSettings>() ?? new MarketDataSettings();
        services.AddSingleton(dataDirectory);
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));
        services.AddSingleton<ICandleStore>(_ => new SqliteCandleStore(dataDirectory));
        services.AddSingleton(sp => DefaultProviders.Create(sp.GetRequiredService<HttpClient>(), marketData, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CandleService(sp.GetRequiredService<ICandleStore>(), sp.GetRequiredService<ProviderRegistry>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IResearchData, StoreResearchData>();
        services.AddSingleton<Screener>();
        services.AddSingleton<StrategyBacktester>();

        // Backtests: the API queues jobs, the worker runs them (bounded by Tradewind:Backtests:Workers).
        services.AddSingleton<BacktestQueueSignal>();
        services.AddSingleton<BacktestQuota>();
        services.AddSingleton<LlmAnalyst>();
        services.AddSingleton<BacktestWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<BacktestWorker>());
    }

    /// <summary>Logs where the server listens and what it stores where (never a secret).</summary>
    public static void LogStartup(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tradewind.Server");
        var database = app.Services.GetRequiredService<TradewindDatabase>();
        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        logger.LogInformation(
            "Tradewind listening on {Urls}; database {Database}; default exchange {Exchange}; sign-up {SignUp}.",
            string.Join(", ", app.Urls),
            database.Description,
            options.DefaultExchange,
            options.AllowSignUp ? "on" : "off");
    }
}
