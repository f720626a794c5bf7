using Spectre.Console;
using Tradewind.Core;

namespace Tradewind.Cli;

/// <summary>
/// Runs a command body and turns domain errors into a readable message (the problem, then what would be valid)
/// and exit code 2. Unexpected exceptions print their type and message, never a stack trace, and exit 3.
/// </summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int DomainError = 2;
    public const int UnexpectedError = 3;
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body();
        }
        catch (TradewindException ex)
        {
            WriteError(console, ex.Code, ex.Message, ex.Suggestion);
            return DomainError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Cancelled.[/]");
            return Cancelled;
        }
        catch (IOException ex)
        {
            WriteError(console, "IO_ERROR", ex.Message, "Check the path, its permissions and free disk space.");
            return DomainError;
        }
        catch (UnauthorizedAccessException ex)
        {
            WriteError(console, "IO_ERROR", ex.Message, "Check the permissions of the path or use --data-dir.");
            return DomainError;
        }
#pragma warning disable CA1031 // The process boundary: anything unexpected becomes one readable line and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WriteError(console, ErrorCode.InternalError, $"{ex.GetType().Name}: {ex.Message}", "This is a bug in Tradewind; please report it with the command line.");
            return UnexpectedError;
        }
    }

    public static void WriteError(IAnsiConsole console, string code, string message, string? suggestion)
    {
        console.MarkupLine($"[red bold]error[/] [grey]({Markup.Escape(code)})[/]: {Markup.Escape(message)}");
        if (!string.IsNullOrWhiteSpace(suggestion))
        {
            console.MarkupLine($"  [grey]hint:[/] {Markup.Escape(suggestion)}");
        }
    }
}
