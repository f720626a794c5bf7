namespace Tradewind.MarketData;

/// <summary>
/// Where Tradewind keeps its files. In order: an explicit path (<c>--data-dir</c>), the <c>TRADEWIND_DATA_DIR</c>
/// environment variable, then <c>$XDG_DATA_HOME/tradewind</c>, then <c>~/.local/share/tradewind</c>
/// (<c>%LOCALAPPDATA%\Tradewind</c> on Windows).
/// </summary>
public sealed class DataDirectory
{
    public const string EnvironmentVariable = "TRADEWIND_DATA_DIR";

    public DataDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>The SQLite file of the candle store.</summary>
    public string CandleDatabase => System.IO.Path.Combine(Path, "candles.db");

    /// <summary>Resolves the directory from an explicit path, the environment, or the platform default.</summary>
    public static DataDirectory Resolve(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return new DataDirectory(explicitPath);
        }

        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return new DataDirectory(fromEnv);
        }

        if (OperatingSystem.IsWindows())
        {
            return new DataDirectory(System.IO.Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Tradewind"));
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return new DataDirectory(System.IO.Path.Combine(baseDir, "tradewind"));
    }

    /// <summary>Creates the directory if it does not exist and returns it.</summary>
    public DataDirectory EnsureExists()
    {
        Directory.CreateDirectory(Path);
        return this;
    }
}
