namespace Tradewind.Storage.Migrations;

/// <summary>
/// The schema, one entry per version, in both dialects. Never edit a released version: add the next one.
/// Times are Unix milliseconds (BIGINT) and ids are text in both databases, so the same queries read both.
/// </summary>
internal static class SchemaVersions
{
    public static int Count => 2;

    public static IReadOnlyList<string> Statements(int version, SqlDialect dialect) => version switch
    {
        1 => Version1(dialect),
        2 => Version2(),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "No such schema version."),
    };

    private static string[] Version1(SqlDialect dialect)
    {
        var real = dialect == SqlDialect.PostgreSql ? "DOUBLE PRECISION" : "REAL";
        return
        [
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE user_sessions (
                lookup TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE agent_keys (
                id TEXT PRIMARY KEY,
                lookup TEXT NOT NULL UNIQUE,
                key_hash TEXT NOT NULL,
                display_name TEXT NOT NULL,
                description TEXT NULL,
                scopes TEXT NOT NULL,
                status TEXT NOT NULL,
                owner_user_id TEXT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NULL,
                claimed_at BIGINT NULL,
                revoked_at BIGINT NULL,
                rotated_at BIGINT NULL
            )
            """,
            "CREATE INDEX ix_agent_keys_owner ON agent_keys (owner_user_id, status)",
            """
            CREATE TABLE claim_codes (
                code TEXT PRIMARY KEY,
                key_id TEXT NOT NULL REFERENCES agent_keys(id) ON DELETE CASCADE,
                display_name TEXT NOT NULL,
                description TEXT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT NULL
            )
            """,
            """
            CREATE TABLE usage_counters (
                subject TEXT NOT NULL,
                window_start BIGINT NOT NULL,
                count BIGINT NOT NULL,
                PRIMARY KEY (subject, window_start)
            )
            """,
            $"""
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                owner_key_id TEXT NULL,
                status TEXT NOT NULL,
                payload TEXT NOT NULL,
                progress {real} NOT NULL DEFAULT 0,
                result_id TEXT NULL,
                message TEXT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                worker_id TEXT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                started_at BIGINT NULL,
                finished_at BIGINT NULL,
                heartbeat_at BIGINT NULL
            )
            """,
            "CREATE INDEX ix_jobs_queue ON jobs (kind, status, created_at)",
            "CREATE INDEX ix_jobs_owner ON jobs (owner_key_id, created_at)",
        ];
    }

    private static string[] Version2() =>
    [
        // A finished backtest's report (JSON), written with its job's completion in one transaction.
        """
        CREATE TABLE backtest_results (
            id TEXT PRIMARY KEY,
            job_id TEXT NOT NULL UNIQUE,
            owner_key_id TEXT NULL,
            created_at BIGINT NOT NULL,
            report TEXT NOT NULL
        )
        """,
        "CREATE INDEX ix_backtest_results_owner ON backtest_results (owner_key_id, created_at)",
    ];
}
