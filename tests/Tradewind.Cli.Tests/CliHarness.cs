using Spectre.Console;

namespace Tradewind.Cli.Tests;

/// <summary>Runs the real command tree with output captured, against a fresh data directory per test.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "tradewind-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDir);
    }

    public string DataDir { get; }

    public async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        // Commands that touch the store get this test's own data directory.
        string[] full = args.Length > 0 && args[0] is "data" or "demo" ? [.. args, "--data-dir", DataDir] : args;
        var exit = await CliApp.RunAsync(full, console, CancellationToken.None);
        return (exit, writer.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
