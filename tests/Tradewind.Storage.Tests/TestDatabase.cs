using Npgsql;

namespace Tradewind.Storage.Tests;

/// <summary>
/// A fresh database for one test: a SQLite file in a new temp directory, or, when TRADEWIND_TEST_POSTGRES holds a
/// connection string, a new schema in that PostgreSQL database (dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "TRADEWIND_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string? _schema;
    private readonly string? _adminConnectionString;

    private TestDatabase(TradewindDatabase database, StorageOptions options, string? directory, string? schema, string? admin)
    {
        Database = database;
        Options = options;
        _directory = directory;
        _schema = schema;
        _adminConnectionString = admin;
    }

    public TradewindDatabase Database { get; }

    public StorageOptions Options { get; }

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>"sqlite" always; "postgres" too when the environment variable is set.</summary>
    public static TheoryData<string> Dialects()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (PostgresConnectionString is not null)
        {
            data.Add("postgres");
        }

        return data;
    }

    public static async Task<TestDatabase> CreateAsync(string dialect)
    {
        if (dialect == "postgres")
        {
            var admin = PostgresConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            var schema = "tw_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var options = new StorageOptions
            {
                PostgresConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ToString(),
            };
            return new TestDatabase(await TradewindDatabase.OpenAsync(options, CancellationToken.None), options, null, schema, admin);
        }

        var directory = Path.Combine(Path.GetTempPath(), "tradewind-storage-" + Guid.NewGuid().ToString("N"));
        var sqlite = new StorageOptions { DataDirectory = directory };
        return new TestDatabase(await TradewindDatabase.OpenAsync(sqlite, CancellationToken.None), sqlite, directory, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_schema is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }
}
