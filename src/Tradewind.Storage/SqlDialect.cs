namespace Tradewind.Storage;

/// <summary>The two databases Tradewind speaks. Most statements are shared; DDL and row locking differ.</summary>
public enum SqlDialect
{
    Sqlite,
    PostgreSql,
}
