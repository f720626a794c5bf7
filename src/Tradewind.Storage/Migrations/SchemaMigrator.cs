using System.Data.Common;
using System.Globalization;
using Dapper;
using Npgsql;
using Tradewind.Core;

namespace Tradewind.Storage.Migrations;

/// <summary>
/// Forward-only schema migrations. Each version is applied in its own transaction and recorded in
/// <c>schema_migrations</c>; a database newer than this build is refused rather than guessed at.
/// </summary>
internal static class SchemaMigrator
{
    // Any constant works; it only has to be the same in every Tradewind process sharing one PostgreSQL database.
    private const long PostgresMigrationLockId = 0x7472_6164_6577_696E;

    public static int LatestVersion => SchemaVersions.Count;

    public static async Task MigrateAsync(TradewindDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Dialect == SqlDialect.Sqlite)
        {
            // WAL lets the API read while a job writes; the mode is stored in the file, so setting it once suffices.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        }

        await using var transaction = await TradewindDatabase.BeginWriteAsync(connection, cancellationToken);
        if (database.Dialect == SqlDialect.PostgreSql)
        {
            // Several processes may start together; the first migrates, the others wait and then find nothing to do.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@id)", new { id = PostgresMigrationLockId }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
            transaction: transaction,
            cancellationToken: cancellationToken));
        var current = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)) ?? 0;
        if (current > LatestVersion)
        {
            ThrowHelper.Throw(
                ErrorCode.DataUnavailable,
                $"The Tradewind database {database.Description} has schema version {current.ToString(CultureInfo.InvariantCulture)}, newer than this Tradewind understands ({LatestVersion.ToString(CultureInfo.InvariantCulture)}).",
                "Upgrade Tradewind, or point it at another data directory or database.");
        }

        for (var version = (int)current + 1; version <= LatestVersion; version++)
        {
            foreach (var statement in SchemaVersions.Statements(version, database.Dialect))
            {
                await connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @now)",
                new { version, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The schema version recorded in the database (0 when it has never been migrated).</summary>
    public static async Task<int> CurrentVersionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (int)(await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)) ?? 0);

    internal static bool IsUniqueViolation(Exception ex) => ex switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
