namespace Tradewind.Indicators.Tests;

/// <summary>docs/indicators.md is the rendered registry; this fails when they drift.</summary>
public sealed class DocsTests
{
    [Fact]
    public void IndicatorsMarkdown_MatchesRegistry()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Tradewind.slnx")))
        {
            root = Path.GetDirectoryName(root);
        }

        Assert.NotNull(root);
        var path = Path.Combine(root, "docs", "indicators.md");
        var expected = IndicatorReference.RenderMarkdown(IndicatorRegistry.Default);
        var actual = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.True(
            expected == actual,
            "docs/indicators.md is out of date. Regenerate it: dotnet run --project src/Tradewind.Cli -- indicators docs > docs/indicators.md");
    }
}
