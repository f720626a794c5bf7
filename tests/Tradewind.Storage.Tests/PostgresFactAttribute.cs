namespace Tradewind.Storage.Tests;

/// <summary>A fact that runs only when TRADEWIND_TEST_POSTGRES holds a PostgreSQL connection string, and is skipped otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresConnectionString is null)
        {
            Skip = $"PostgreSQL variant: set {TestDatabase.PostgresVariable} to a connection string (e.g. Host=127.0.0.1;Username=postgres;Database=postgres) to run the storage tests against PostgreSQL too.";
        }
    }
}
