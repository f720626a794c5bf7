using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Tradewind.Server;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind serve</c>: runs the Tradewind server (agent API, docs, OpenAPI) until Ctrl+C, then shuts down
/// gracefully. Any further <c>--Section:Key=value</c> flags are passed to the server's configuration.
/// </summary>
internal static class ServeCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "Address(es) to listen on, separated by ';'. Default: http://127.0.0.1:5080 (this machine only).",
            HelpName = "url",
        };
        var dataDir = CommonOptions.DataDir();
        var postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL connection string; without it, state lives in tradewind.db in the data directory.",
            HelpName = "connection-string",
        };
        var command = new Command("serve", "Run the Tradewind server: the agent API at /api/v1, docs at /docs, the OpenAPI document at /openapi/v1.json.")
        {
            urls, dataDir, postgres,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            () => RunAsync(console, ServerArgs(parse.GetValue(urls), parse.GetValue(dataDir), parse.GetValue(postgres), parse.UnmatchedTokens), ct),
            ct));
        return command;
    }

    /// <summary>The server's configuration arguments for the given options (shared with <c>users</c>).</summary>
    internal static string[] ServerArgs(string? urls, string? dataDir, string? postgres, IReadOnlyList<string> extra)
    {
        var args = new List<string>();
        if (!string.IsNullOrWhiteSpace(urls))
        {
            args.Add("--urls=" + urls);
        }

        if (!string.IsNullOrWhiteSpace(dataDir))
        {
            args.Add("--Tradewind:DataDirectory=" + Path.GetFullPath(dataDir));
        }

        if (!string.IsNullOrWhiteSpace(postgres))
        {
            args.Add("--Tradewind:PostgresConnectionString=" + postgres);
        }

        args.AddRange(extra);
        return [.. args];
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string[] args, CancellationToken cancellationToken)
    {
        await using var app = await TradewindServer.BuildAsync(args, cancellationToken: cancellationToken);
        await app.StartAsync(cancellationToken);
        TradewindServer.LogStartup(app);
        var url = app.Urls.First().TrimEnd('/');
        console.MarkupLine($"[bold]Tradewind[/] is listening on [link]{Markup.Escape(url)}[/]");
        console.MarkupLine($"  API:  {Markup.Escape(url)}/api/v1    docs: {Markup.Escape(url)}/docs    reference: {Markup.Escape(url)}/reference");
        console.MarkupLine("  Get an agent key:");
        console.MarkupLine($"    curl -X POST -H \"Content-Type: application/json\" -d '{{\"display_name\":\"MyBot\"}}' {Markup.Escape(url)}/api/v1/meta/register");
        console.MarkupLine("  Claim it for full access: create a user (tradewind users add NAME), then tradewind users claim CODE --user NAME.");
        console.MarkupLine("[grey]Press Ctrl+C to stop.[/]");

        // Ctrl+C cancels the token; the host then stops accepting requests and lets in-flight ones finish.
        await app.WaitForShutdownAsync(cancellationToken);
        return CommandRunner.Ok;
    }
}
