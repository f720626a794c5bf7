using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tradewind.Server;
using Tradewind.Server.Identity;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind users add | claim</c>: manage the server's human users directly in its database (the same
/// configuration as <c>serve</c>), no running server needed.
/// </summary>
internal static class UsersCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var command = new Command("users", "Manage the server's users: add one, or claim an agent for one.");

        var dataDir = CommonOptions.DataDir();
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (as for serve).", HelpName = "connection-string" };
        var username = new Argument<string>("username") { Description = "3 to 32 characters: letters, digits, '_', '-' or '.'." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of prompting." };
        var add = new Command("add", "Create a user who can log in and claim agents.") { username, passwordStdin, dataDir, postgres };
        add.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            () => AddAsync(console, parse.GetRequiredValue(username), parse.GetValue(passwordStdin), ServeCommand.ServerArgs(null, parse.GetValue(dataDir), parse.GetValue(postgres), []), ct),
            ct));

        var code = new Argument<string>("code") { Description = "The 6-character claim code the agent received from POST /api/v1/meta/request-claim." };
        var user = new Option<string>("--user", "-u") { Description = "The user who claims the agent.", Required = true, HelpName = "username" };
        var scopes = new Option<string?>("--scopes")
        {
            Description = $"Comma-separated scopes to grant: {string.Join(", ", Scopes.All)}. Default: {string.Join(",", Scopes.ClaimedDefault)}; trade only when listed.",
            HelpName = "list",
        };
        var claim = new Command("claim", "Claim an agent for a user with a claim code.") { code, user, scopes, dataDir, postgres };
        claim.SetAction((parse, ct) => CommandRunner.RunAsync(
            console,
            () => ClaimAsync(console, parse.GetRequiredValue(code), parse.GetRequiredValue(user), parse.GetValue(scopes), ServeCommand.ServerArgs(null, parse.GetValue(dataDir), parse.GetValue(postgres), []), ct),
            ct));

        command.Subcommands.Add(add);
        command.Subcommands.Add(claim);
        return command;
    }

    private static async Task<int> AddAsync(IAnsiConsole console, string username, bool fromStdin, string[] args, CancellationToken ct)
    {
        var password = fromStdin
            ? (await Console.In.ReadLineAsync(ct) ?? string.Empty).TrimEnd('\r', '\n')
            : console.Prompt(new TextPrompt<string>($"Password for {Markup.Escape(username)}:").Secret());

        // The server is built (not started) so users share its configuration, database and rules.
        await using var app = await TradewindServer.BuildAsync(args, cancellationToken: ct);
        var created = await app.Services.GetRequiredService<UserService>().CreateAsync(username, password, ct);
        console.MarkupLine($"Created user [bold]{Markup.Escape(created.Username)}[/] ({Markup.Escape(created.Id)}).");
        return CommandRunner.Ok;
    }

    private static async Task<int> ClaimAsync(IAnsiConsole console, string code, string username, string? scopes, string[] args, CancellationToken ct)
    {
        await using var app = await TradewindServer.BuildAsync(args, cancellationToken: ct);
        var user = await app.Services.GetRequiredService<UserService>().GetByUsernameAsync(username, ct);
        var requested = scopes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await app.Services.GetRequiredService<AgentKeyService>().ClaimAsync(user.Id, code, requested, ct);
        var key = result.Key!;
        console.MarkupLine($"[bold]{Markup.Escape(user.Username)}[/] claimed agent [bold]{Markup.Escape(key.DisplayName)}[/] ({Markup.Escape(key.Id)}) with scopes {Markup.Escape(string.Join(", ", key.ScopeList))}.");
        console.MarkupLine($"[grey]{result.ClaimedAgents} claimed agent(s).[/]");
        return CommandRunner.Ok;
    }
}
