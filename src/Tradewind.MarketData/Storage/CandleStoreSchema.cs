using Microsoft.Data.Sqlite;
using Tradewind.Core;

namespace Tradewind.MarketData.Storage;

/// <summary>
/// The candle database's schema and its forward migrations. <c>schema_version</c> holds one row per applied
/// migration; a database written by a newer Tradewind is refused rather than guessed at.
/// </summary>
internal static class CandleStoreSchema
{
    /// <summary>
    /// Migration n (1-based) brings the schema from version n-1 to n. Append new migrations; never edit a released one.
    /// </summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE series (
            id        INTEGER PRIMARY KEY,
            ticker    TEXT NOT NULL,
            timeframe TEXT NOT NULL,
            UNIQUE (ticker, timeframe)
        );
        -- One row per chunk of bars: all bars of a series whose open time falls in
        -- [chunk_start, chunk_start + chunk span). data holds the columns (see CandleChunkCodec).
        -- A rowid table, not WITHOUT ROWID: rows are large blobs, and the rowid lets reads stream a blob.
        CREATE TABLE chunks (
            id          INTEGER PRIMARY KEY,
            series_id   INTEGER NOT NULL REFERENCES series (id),
            chunk_start INTEGER NOT NULL,
            bar_count   INTEGER NOT NULL,
            first_time  INTEGER NOT NULL,
            last_time   INTEGER NOT NULL,
            data        BLOB NOT NULL,
            UNIQUE (series_id, chunk_start)
        );
        -- Fetched ranges [from_ms, to_ms), merged: no two rows of a series overlap or touch.
        CREATE TABLE coverage (
            series_id INTEGER NOT NULL REFERENCES series (id),
            from_ms   INTEGER NOT NULL,
            to_ms     INTEGER NOT NULL,
            PRIMARY KEY (series_id, from_ms)
        ) WITHOUT ROWID;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>Applies every migration newer than the database's version, each in its own write transaction.</summary>
    public static async Task MigrateAsync(SqliteConnection connection, string databasePath, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        while (true)
        {
            // BEGIN IMMEDIATE: a second process migrating at the same time waits here, then sees the new version.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var current = await ReadVersionAsync(connection, transaction, cancellationToken);
            if (current > LatestVersion)
            {
                ThrowHelper.Throw(
                    ErrorCode.DataUnavailable,
                    $"The candle database '{databasePath}' has schema version {current}, newer than this Tradewind understands ({LatestVersion}).",
                    "Upgrade Tradewind, or use another data directory (--data-dir or TRADEWIND_DATA_DIR).");
            }

            if (current == LatestVersion)
            {
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            await using (var migrate = connection.CreateCommand())
            {
                migrate.Transaction = transaction;
                migrate.CommandText = Migrations[current];
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version) VALUES ($v)";
                record.Parameters.AddWithValue("$v", current + 1);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
