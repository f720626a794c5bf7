using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tradewind.Core;
using Tradewind.Storage.Migrations;

namespace Tradewind.Storage;

/// <summary>
/// The connection factory of Tradewind's state database, and its schema. Open it with <see cref="OpenAsync"/>: the
/// schema is migrated forward before the first connection is handed out.
/// </summary>
public sealed class TradewindDatabase : IAsyncDisposable
{
    private const int SqliteBusyTimeoutMs = 30_000;

    private readonly string? _sqliteConnectionString;
    private readonly NpgsqlDataSource? _postgres;

    static TradewindDatabase()
    {
        // Columns are snake_case and entity properties PascalCase; this is Dapper's one process-wide switch for that,
        // and every Tradewind query relies on it.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    private TradewindDatabase(SqlDialect dialect, string? sqliteConnectionString, NpgsqlDataSource? postgres, string description)
    {
        Dialect = dialect;
        _sqliteConnectionString = sqliteConnectionString;
        _postgres = postgres;
        Description = description;
    }

    public SqlDialect Dialect { get; }

    /// <summary>Where the data is, without credentials: a file path, or host/port/database. Safe to log.</summary>
    public string Description { get; }

    /// <summary>Creates the database handle and brings its schema up to date.</summary>
    public static async Task<TradewindDatabase> OpenAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        TradewindDatabase database;
        if (options.Dialect == SqlDialect.PostgreSql)
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
            }
            catch (ArgumentException ex)
            {
                // The message of a bad connection string can quote it, password included: never pass it on.
                throw new TradewindException(
                    ErrorCode.ValidationError,
                    "The PostgreSQL connection string is malformed.",
                    $"Use the form Host=localhost;Port=5432;Database=tradewind;Username=tradewind;Password=... ({ex.GetType().Name}).");
            }

            var description = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
            database = new TradewindDatabase(SqlDialect.PostgreSql, null, NpgsqlDataSource.Create(builder), description);
        }
        else
        {
            Directory.CreateDirectory(options.DataDirectory);
            var path = Path.GetFullPath(Path.Combine(options.DataDirectory, StorageOptions.SqliteFileName));
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = SqliteBusyTimeoutMs / 1000,
            }.ToString();
            database = new TradewindDatabase(SqlDialect.Sqlite, connectionString, null, path);
        }

        try
        {
            await SchemaMigrator.MigrateAsync(database, cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        return database;
    }

    /// <summary>An open connection; dispose it when done.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {SqliteBusyTimeoutMs}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a write transaction. On SQLite it takes the write lock at once (BEGIN IMMEDIATE) so that a
    /// read-then-write sequence cannot be overtaken by another writer.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else if (_sqliteConnectionString is not null)
        {
            // Release the pooled handles so the file can be moved or deleted after shutdown.
            SqliteConnection.ClearAllPools();
        }
    }
}
