using Microsoft.Data.Sqlite;

namespace Tradewind.MarketData.Tests.Storage;

/// <summary>A fresh directory under the system temp folder, deleted (with any SQLite files in it) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tradewind-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled SQLite connections keep files open; drop them so the directory can go.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
