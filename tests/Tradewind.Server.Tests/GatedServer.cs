using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tradewind.Research;

namespace Tradewind.Server.Tests;

/// <summary>
/// The real server on loopback over a given data directory, with its research data behind a <see cref="Gate"/>. Used
/// where a test needs a backtest to stay running (cancel, shutdown). The directory is the caller's to delete.
/// </summary>
public sealed class GatedServer : IAsyncDisposable
{
    private GatedServer(WebApplication app, CapturedLogs logs, Gate gate)
    {
        App = app;
        Logs = logs;
        Gate = gate;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/api/v1/") };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public Gate Gate { get; }

    public static async Task<GatedServer> StartAsync(string directory, IDictionary<string, string?>? settings = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Tradewind:DataDirectory"] = directory,
            ["Tradewind:RegistrationsPerHourPerIp"] = "10000",
            ["Tradewind:RequestsPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var logs = new CapturedLogs();
        var gate = new Gate();
        var app = await TradewindServer.BuildAsync([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);

            // The server registers its services after this callback; the factory runs last, at Build().
            builder.Host.UseServiceProviderFactory(new GatingFactory(gate));
        });
        await app.StartAsync();
        return new GatedServer(app, logs, gate);
    }

    public async Task<(HttpResponseMessage Response, JsonNode Body)> SendAsync(HttpRequestMessage request)
    {
        var response = await Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");
        Envelopes.AssertShape(response, body);
        return (response, body);
    }

    public async Task<string> RegisterAsync()
    {
        var response = await Client.PostAsJsonAsync("meta/register", new { display_name = "MyBot" });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string)body["data"]!["api_key"]!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private sealed class GatingFactory(Gate gate) : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services) => services;

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
        {
            var registration = containerBuilder.Last(d => d.ServiceType == typeof(IResearchData));
            var implementation = registration.ImplementationType!;
            containerBuilder.Add(ServiceDescriptor.Singleton<IResearchData>(sp =>
                new GatedResearchData((IResearchData)ActivatorUtilities.CreateInstance(sp, implementation), gate)));
            return containerBuilder.BuildServiceProvider();
        }
    }
}
