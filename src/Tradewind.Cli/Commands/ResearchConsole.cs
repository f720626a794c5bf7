using Spectre.Console;

namespace Tradewind.Cli.Commands;

/// <summary>Live feedback (spinners, progress bars) only on an interactive terminal, so redirected output stays clean.</summary>
internal static class ResearchConsole
{
    public static bool IsLive(IAnsiConsole console) =>
        console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal;

    /// <summary>Runs <paramref name="work"/> under a spinner with <paramref name="status"/> on a terminal, plainly otherwise.</summary>
    public static async Task<T> WithStatusAsync<T>(IAnsiConsole console, string status, Func<Task<T>> work)
    {
        if (!IsLive(console))
        {
            return await work();
        }

        return await console.Status().StartAsync(Markup.Escape(status), _ => work());
    }
}
