using System.Text.RegularExpressions;

namespace Tradewind.Signals.Tests;

/// <summary>The DSL example in README.md compiles, so the front page never shows a script that fails.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void Compile_ReadmeDslExample_Succeeds()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Tradewind.slnx")))
        {
            root = Path.GetDirectoryName(root);
        }

        Assert.NotNull(root);
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var match = DslBlock().Match(readme);
        Assert.True(match.Success, "README.md has no DSL example after '## A taste of the Signal DSL'.");
        var compiled = SignalCompiler.Compile(match.Groups[1].Value);
        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Diagnostics));
    }

    [GeneratedRegex(@"## A taste of the Signal DSL\s+```\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex DslBlock();
}
