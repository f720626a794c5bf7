using System.CommandLine;
using Spectre.Console;
using Tradewind.Cli.Commands;

namespace Tradewind.Cli;

/// <summary>Builds the <c>tradewind</c> command tree. Output goes to an injected console so tests can read it.</summary>
public static class CliApp
{
    public static RootCommand Build(IAnsiConsole console)
    {
        var root = new RootCommand(
            "Tradewind: self-hosted AI and algorithmic trading on crypto and prediction markets.\n"
            + "Runs offline on the built-in `sim` venue; real venues are a configuration away.");
        root.Subcommands.Add(DemoCommand.Build(console));
        root.Subcommands.Add(DataCommand.Build(console));
        root.Subcommands.Add(IndicatorsCommand.Build(console));
        root.Subcommands.Add(EvalCommand.Build(console));
        root.Subcommands.Add(ScanCommand.Build(console));
        root.Subcommands.Add(RankCommand.Build(console));
        root.Subcommands.Add(BacktestCommand.Build(console));
        root.Subcommands.Add(ServeCommand.Build(console));
        root.Subcommands.Add(UsersCommand.Build(console));
        return root;
    }

    /// <summary>Parses and runs; returns the process exit code (0 ok, 1 usage error, 2 domain error).</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var root = Build(console);
        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration(), cancellationToken);
    }
}
