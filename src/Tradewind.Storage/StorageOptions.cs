namespace Tradewind.Storage;

/// <summary>
/// Where state lives. With no <see cref="PostgresConnectionString"/> Tradewind uses the SQLite file
/// <c>tradewind.db</c> in <see cref="DataDirectory"/>; with one, PostgreSQL (several processes can then share state).
/// </summary>
public sealed record StorageOptions
{
    /// <summary>The SQLite file's name inside the data directory.</summary>
    public const string SqliteFileName = "tradewind.db";

    /// <summary>The data directory (created if missing). Used for SQLite only.</summary>
    public string DataDirectory { get; init; } = ".";

    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Database=tradewind;Username=tw;Password=...</c>.</summary>
    public string? PostgresConnectionString { get; init; }

    public SqlDialect Dialect => string.IsNullOrWhiteSpace(PostgresConnectionString) ? SqlDialect.Sqlite : SqlDialect.PostgreSql;
}
