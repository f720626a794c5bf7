using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Tradewind.Core;
using Tradewind.Indicators;
using Tradewind.Server.Hosting;
using Tradewind.Server.Http;

namespace Tradewind.Server.Docs;

/// <summary>
/// The documents <c>/docs</c> serves: every <c>docs/*.md</c> of the repository (copied next to the server at build
/// time) plus <c>operators</c>, rendered from the indicator registry, so what is served cannot drift from the code.
/// </summary>
public sealed partial class DocLibrary(IOptions<ServerOptions> options)
{
    public const string OperatorsName = "operators";

    public string Directory =>
        string.IsNullOrWhiteSpace(options.Value.DocsDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "docs")
            : Path.GetFullPath(options.Value.DocsDirectory);

    /// <summary>Every document name, sorted.</summary>
    public IReadOnlyList<string> Names()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { OperatorsName };
        if (System.IO.Directory.Exists(Directory))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.md"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (ValidName().IsMatch(name))
                {
                    names.Add(name);
                }
            }
        }

        return [.. names];
    }

    /// <summary>The markdown of a document; DOC_NOT_FOUND lists the available ones.</summary>
    public async Task<string> ReadAsync(string name, CancellationToken cancellationToken)
    {
        if (ValidName().IsMatch(name))
        {
            var path = Path.Combine(Directory, name + ".md");
            if (File.Exists(path))
            {
                return await File.ReadAllTextAsync(path, cancellationToken);
            }

            if (name == OperatorsName)
            {
                return IndicatorReference.RenderMarkdown(IndicatorRegistry.Default);
            }
        }

        throw new TradewindException(
            ApiErrorCodes.DocNotFound,
            $"No document '{name}'.",
            $"Available: {string.Join(", ", Names())}. GET /api/v1/docs lists them with titles.");
    }

    /// <summary>The first level-1 heading, or the name.</summary>
    public static string TitleOf(string name, string markdown)
    {
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                return line[2..].Trim().ToString();
            }
        }

        return name;
    }

    // Lower-case words and dashes only: a name can never reach outside the docs directory.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ValidName();
}
