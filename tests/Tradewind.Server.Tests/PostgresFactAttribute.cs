namespace Tradewind.Server.Tests;

/// <summary>
/// A fact that runs the server on PostgreSQL. It runs only when TRADEWIND_TEST_POSTGRES holds a connection string
/// and is skipped otherwise; CI sets it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestServer.PostgresConnectionString is null)
        {
            Skip = $"PostgreSQL variant: set {TestServer.PostgresVariable} to a connection string (e.g. Host=127.0.0.1;Username=postgres;Database=postgres) to run it.";
        }
    }
}
