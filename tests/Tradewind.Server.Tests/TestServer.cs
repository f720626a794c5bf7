using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Tradewind.Server.Tests;

/// <summary>
/// The real Tradewind server on 127.0.0.1 (random port) with a real SQLite file in a temp directory, or with a fresh
/// schema in the PostgreSQL database named by TRADEWIND_TEST_POSTGRES. Logs are captured for inspection.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    public const string PostgresVariable = "TRADEWIND_TEST_POSTGRES";

    private readonly string _directory;
    private readonly string? _schema;

    private TestServer(WebApplication app, string directory, string? schema, CapturedLogs logs)
    {
        App = app;
        _directory = directory;
        _schema = schema;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/api/v1/") };
    }

    public WebApplication App { get; }

    /// <summary>A client whose base address is the server's <c>/api/v1/</c>.</summary>
    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static async Task<TestServer> StartAsync(
        IDictionary<string, string?>? settings = null, TimeProvider? time = null, bool postgres = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tradewind-server-" + Guid.NewGuid().ToString("N"));
        var config = new Dictionary<string, string?>
        {
            ["Tradewind:DataDirectory"] = directory,
            // Tests register many keys from one address; the registration-limit test sets its own value.
            ["Tradewind:RegistrationsPerHourPerIp"] = "10000",
            ["Tradewind:RequestsPerMinute"] = "10000",
        };
        string? schema = null;
        if (postgres)
        {
            var admin = PostgresConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            schema = "tw_srv_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(admin, $"CREATE SCHEMA {schema}");
            config["Tradewind:PostgresConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var logs = new CapturedLogs();
        var app = await TradewindServer.BuildAsync([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(config);
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });
        await app.StartAsync();
        return new TestServer(app, directory, schema, logs);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, string? json = null, bool xApiKey = false)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            if (xApiKey)
            {
                request.Headers.Add("X-API-Key", token);
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Sends and parses the envelope; asserts the envelope's shape on every response.</summary>
    public async Task<(HttpResponseMessage Response, JsonNode Body)> SendAsync(HttpRequestMessage request)
    {
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty body.");
        Envelopes.AssertShape(response, body);
        return (response, body);
    }

    public Task<(HttpResponseMessage Response, JsonNode Body)> GetAsync(string path, string? token = null) =>
        SendAsync(Request(HttpMethod.Get, path, token));

    public Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(string path, string? json, string? token = null) =>
        SendAsync(Request(HttpMethod.Post, path, token, json));

    /// <summary>Registers a provisional key and returns (api_key, key_id).</summary>
    public async Task<(string Key, string Id)> RegisterAsync(string name = "MyBot")
    {
        var (response, body) = await PostAsync("meta/register", $$"""{"display_name":"{{name}}"}""");
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return ((string)body["data"]!["api_key"]!, (string)body["data"]!["key_id"]!);
    }

    /// <summary>Signs a user up and logs in; returns the session token.</summary>
    public async Task<string> UserSessionAsync(string username, string password = "correct horse battery")
    {
        var (signup, signupBody) = await PostAsync("users/signup", $$"""{"username":"{{username}}","password":"{{password}}"}""");
        Assert.True(signup.IsSuccessStatusCode || (string?)signupBody["error"]?["code"] == "USERNAME_TAKEN", signupBody.ToJsonString());
        var (_, body) = await PostAsync("users/login", $$"""{"username":"{{username}}","password":"{{password}}"}""");
        return (string)body["data"]!["session_token"]!;
    }

    /// <summary>Registers a key and has <paramref name="session"/>'s user claim it with the given scopes.</summary>
    public async Task<(string Key, string Id)> ClaimedKeyAsync(string session, string scopesJson = "null")
    {
        var (key, id) = await RegisterAsync();
        var (_, claim) = await PostAsync("meta/request-claim", """{"display_name":"MyBot"}""", key);
        var code = (string)claim["data"]!["claim_code"]!;
        var (response, body) = await PostAsync("users/claim", $$"""{"claim_code":"{{code}}","scopes":{{scopesJson}}}""", session);
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (key, id);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_schema is not null)
        {
            await ExecuteAsync(PostgresConnectionString!, $"DROP SCHEMA {_schema} CASCADE");
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
